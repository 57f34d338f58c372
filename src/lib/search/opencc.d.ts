// opencc-js publishes its dictionaries as plain ES modules without type declarations.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
