import H3 from './H3.astro';
import H4 from './H4.astro';
import H5 from './H5.astro';

/** Pass as `components` to an MDX <Content />: its ## becomes <h3>, ### <h4>, #### <h5>. */
export const demotedHeadings = { h1: H3, h2: H3, h3: H4, h4: H5 };
