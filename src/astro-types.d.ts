/**
 * What plain TypeScript (tsc, typed ESLint) needs to type Astro files, which `astro check`
 * gets from its language plugin:
 * - `.astro` imports in .ts files are components (Astro 7 no longer declares the module);
 * - a JSX element in a template is an HTMLElement. Astro types it `HTMLElement | any` to
 *   allow other frameworks' JSX, which typescript-eslint's no-unsafe-* rules flag in every
 *   `.map()` that returns markup; this site uses no other framework (eslint-plugin-astro's
 *   documented fix).
 */
/// <reference types="astro/astro-jsx" />
// (A script, not a module: no import or export at the top level, so these declarations are global.)

declare module '*.astro' {
  const component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default component;
}

declare namespace JSX {
  type Element = HTMLElement;
}
