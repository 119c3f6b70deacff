/**
 * XSS payloads for the hostile-input suite, written for this project.
 *
 * Each payload's script, if it ever ran, sets a global flag to its own id
 * (its `flag`): `window.__xss = 'svg-onload'` (frames write to `parent.__xss`
 * or `top.__xss`), so a test only has to check that `window.__xss` stays unset.
 * Where the script may not contain `=` or `,` (KaTeX's `\htmlData` splits on
 * them) it is `eval(atob('…'))` of the same assignment.
 */
export interface XssPayload {
  /** Reads as the subject of "… does not run". */
  name: string;
  /** The value its script assigns to `window.__xss`, unique to the payload. */
  flag: string;
  /** What the visitor writes: markdown with math. */
  body: string;
}

/** `eval(atob(…))` of `window.__xss='id'`, for contexts where `=` and `,` are not allowed. */
const evalFlag = (id: string) => `eval(atob('${btoa(`window.__xss='${id}'`).replace(/=+$/, '')}'))`;

/** A whole HTML document that sets the flag on the page that framed or opened it. */
const documentSettingFlag = (id: string) => `<script>top.__xss='${id}'</script>`;

export const payloads: readonly XssPayload[] = [
  // --- script elements -----------------------------------------------------
  { name: 'script tag', flag: 'script-tag', body: `Nice post! <script>window.__xss='script-tag'</script>` },
  { name: 'script tag in mixed case', flag: 'script-mixed-case', body: `<ScRiPt>window.__xss='script-mixed-case'</sCrIpT>` },
  { name: 'script tag split around an inner script tag', flag: 'script-split', body: `<scr<script>x</script>ipt>window.__xss='script-split'</scr<script>x</script>ipt>` },
  { name: 'script tag with a newline inside the tag', flag: 'script-newline', body: `<script\n>window.__xss='script-newline'</script\n>` },
  { name: 'script tag with a slash instead of a space', flag: 'script-slash', body: `<script/x>window.__xss='script-slash'</script/x>` },
  { name: 'script with a data: src', flag: 'script-data-src', body: `<script src="data:text/javascript,window.__xss='script-data-src'"></script>` },
  { name: 'script closing an inline code span', flag: 'script-code-span', body: "Try `x</code><script>window.__xss='script-code-span'</script>` now" },
  { name: 'script breaking out of a fenced code block', flag: 'script-fence', body: "```html\n</code></pre><script>window.__xss='script-fence'</script>\n```" },
  { name: 'img onerror in a fence\'s info string', flag: 'fence-info-img', body: "```\"><img src=x onerror=\"window.__xss='fence-info-img'\">\nx = 1\n```" },
  { name: 'event handler in a highlighted fence\'s info string', flag: 'fence-info-attribute', body: "```python\" onmouseover=\"window.__xss='fence-info-attribute'\" {linenos}\nx = 1\n```" },
  { name: 'script inside a formula', flag: 'script-formula', body: `$x</span><script>window.__xss='script-formula'</script>$` },
  { name: 'script in link text', flag: 'script-link-text', body: `[<script>window.__xss='script-link-text'</script>](https://example.org/)` },
  { name: 'script in a table cell', flag: 'script-table', body: `| a | b |\n|---|---|\n| <script>window.__xss='script-table'</script> | 2 |` },

  // --- event-handler attributes --------------------------------------------
  { name: 'img onerror', flag: 'img-onerror', body: `<img src=x onerror="window.__xss='img-onerror'">` },
  { name: 'img onerror after a slash separator', flag: 'img-slash', body: `<img/src="x"/onerror="window.__xss='img-slash'">` },
  { name: 'img onerror with an entity-encoded handler', flag: 'img-entity-handler', body: `<img src=x onerror="&#119;indow.__xss=&#39;img-entity-handler&#39;">` },
  { name: 'svg onload', flag: 'svg-onload', body: `<svg onload="window.__xss='svg-onload'"></svg>` },
  { name: 'svg/onload without spaces', flag: 'svg-slash-onload', body: `<svg/onload=window.__xss='svg-slash-onload'>` },
  { name: 'body onload', flag: 'body-onload', body: `<body onload="window.__xss='body-onload'">` },
  { name: 'details ontoggle', flag: 'details-ontoggle', body: `<details open ontoggle="window.__xss='details-ontoggle'"><summary>x</summary></details>` },
  { name: 'autofocus onfocus', flag: 'autofocus-onfocus', body: `<input autofocus onfocus="window.__xss='autofocus-onfocus'">` },
  { name: 'video source onerror', flag: 'video-source-onerror', body: `<video><source onerror="window.__xss='video-source-onerror'"></video>` },
  { name: 'link with onmouseover', flag: 'a-onmouseover', body: `<a href="https://example.org/" onmouseover="window.__xss='a-onmouseover'">hover me</a>` },
  { name: 'event handler in a markdown heading', flag: 'heading-img', body: `## Results <img src=x onerror="window.__xss='heading-img'">` },

  // --- script schemes in markdown links, images and autolinks -------------
  { name: 'markdown link to javascript:', flag: 'md-javascript', body: `[click](javascript:window.__xss='md-javascript')` },
  { name: 'markdown link to JaVaScRiPt: in mixed case', flag: 'md-mixed-case', body: `[click](JaVaScRiPt:window.__xss='md-mixed-case')` },
  { name: 'markdown link to javascript: with a percent-encoded body', flag: 'md-percent-body', body: `[click](javascript:%77indow.__xss='md-percent-body')` },
  { name: 'markdown link to &#106;avascript: (decimal entity)', flag: 'md-entity-decimal', body: `[click](&#106;avascript:window.__xss='md-entity-decimal')` },
  { name: 'markdown link to &#x6A;avascript: (hex entity)', flag: 'md-entity-hex', body: `[click](&#x6A;avascript&#x3A;window.__xss='md-entity-hex')` },
  { name: 'markdown link to jav%61script: (percent-encoded scheme)', flag: 'md-percent-scheme', body: `[click](jav%61script:window.__xss='md-percent-scheme')` },
  { name: 'markdown link to java&#09;script: (entity tab)', flag: 'md-entity-tab', body: `[click](java&#09;script:window.__xss='md-entity-tab')` },
  { name: 'markdown link to java<tab>script: (literal tab)', flag: 'md-tab', body: `[click](<java\tscript:window.__xss='md-tab'>)` },
  { name: 'markdown link to javascript: after a control character', flag: 'md-control', body: `[click](<\u0001javascript:window.__xss='md-control'>)` },
  { name: 'markdown link to data:text/html', flag: 'md-data', body: `[click](data:text/html;base64,${btoa(documentSettingFlag('md-data'))})` },
  { name: 'markdown link to vbscript:', flag: 'md-vbscript', body: `[click](vbscript:execScript("window.__xss='md-vbscript'","javascript"))` },
  { name: 'markdown image with a javascript: source', flag: 'md-image', body: `![pic](javascript:window.__xss='md-image')` },
  { name: 'markdown image with a data:image/svg+xml source', flag: 'md-image-svg', body: `![pic](data:image/svg+xml;base64,${btoa(`<svg xmlns="http://www.w3.org/2000/svg" onload="top.__xss='md-image-svg'"/>`)})` },
  { name: 'autolink <javascript:…>', flag: 'autolink-javascript', body: `<javascript:window.__xss='autolink-javascript'>` },
  { name: 'autolink <JAVASCRIPT:…> in upper case', flag: 'autolink-upper', body: `<JAVASCRIPT:window.__xss='autolink-upper'>` },
  { name: 'autolink <vbscript:…>', flag: 'autolink-vbscript', body: `<vbscript:execScript("window.__xss='autolink-vbscript'")>` },
  { name: 'autolink <data:text/html,…>', flag: 'autolink-data', body: `<data:text/html;base64,${btoa(documentSettingFlag('autolink-data'))}>` },
  { name: 'reference-style link to javascript:', flag: 'reference-link', body: `Read [this][evil].\n\n[evil]: javascript:window.__xss='reference-link'` },
  { name: 'reference-style link to javascript: in angle brackets with a title', flag: 'reference-angle', body: `Read [this][evil].\n\n[evil]: <JavaScript:window.__xss='reference-angle'> "a title"` },

  // --- breaking out of attributes ------------------------------------------
  { name: 'link title with double quotes breaking out', flag: 'title-double', body: `[click](https://example.org/ "x\\" onmouseover=\\"window.__xss='title-double'\\" y=\\"")` },
  { name: 'link title in single quotes breaking out', flag: 'title-single', body: `[click](https://example.org/ 'x" onmouseover="window.__xss=\\'title-single\\'" y="')` },
  { name: 'link title in parentheses breaking out', flag: 'title-paren', body: `[click](https://example.org/ (x" onmouseover="window.__xss='title-paren'" y="))` },
  { name: 'reference definition title breaking out', flag: 'reference-title', body: `[click][r]\n\n[r]: https://example.org/ "x\\" onmouseover=\\"window.__xss='reference-title'"` },
  { name: 'link URL with a double quote breaking out', flag: 'url-quote', body: `[click](https://example.org/"onmouseover="window.__xss='url-quote'")` },

  // --- script schemes and encodings in raw HTML -----------------------------
  { name: 'a href with an entity-encoded javascript:', flag: 'a-entities', body: `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.__xss='a-entities'">x</a>` },
  { name: 'a href with java&#09;script: and &colon;', flag: 'a-entity-tab', body: `<a href="java&#09;script&colon;window.__xss='a-entity-tab'">x</a>` },
  { name: 'a href with a newline inside the scheme', flag: 'a-newline', body: `<a href="java\nscript:window.__xss='a-newline'">x</a>` },
  { name: 'a href with a leading control character and spaces', flag: 'a-control', body: `<a href=" &#14; javascript:window.__xss='a-control'">x</a>` },

  // --- SVG and MathML -------------------------------------------------------
  { name: 'svg script', flag: 'svg-script', body: `<svg><script>window.__xss='svg-script'</script></svg>` },
  { name: 'svg a xlink:href', flag: 'svg-xlink', body: `<svg><a xlink:href="javascript:window.__xss='svg-xlink'"><text x="0" y="20">click</text></a></svg>` },
  { name: 'svg animate setting href to javascript:', flag: 'svg-animate', body: `<svg><a><animate attributeName="href" values="javascript:window.__xss='svg-animate'"/><text x="0" y="20">click</text></a></svg>` },
  { name: 'svg style breakout', flag: 'svg-style', body: `<svg><style><img src=x onerror="window.__xss='svg-style'"></style></svg>` },
  { name: 'svg foreignObject iframe', flag: 'svg-foreign', body: `<svg><foreignObject><iframe srcdoc="${documentSettingFlag('svg-foreign').replace(/'/g, '&#39;')}"></iframe></foreignObject></svg>` },
  { name: 'math mtext table mglyph style (mutation XSS)', flag: 'mxss-mglyph', body: `<math><mtext><table><mglyph><style><img src=x onerror="window.__xss='mxss-mglyph'">` },
  { name: 'math mtext mglyph svg (mutation XSS)', flag: 'mxss-svg', body: `<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src=x onerror=window.__xss='mxss-svg'>"></style></mtext></svg></mglyph></h1></mtext></math>` },
  { name: 'noscript title (mutation XSS)', flag: 'mxss-noscript', body: `<noscript><p title="</noscript><img src=x onerror=window.__xss='mxss-noscript'>"></p></noscript>` },
  { name: 'math maction xlink:href', flag: 'math-xlink', body: `<math><maction actiontype="statusline" xlink:href="javascript:window.__xss='math-xlink'">click</maction></math>` },

  // --- frames, plugins, forms, meta, base -----------------------------------
  { name: 'iframe src javascript:', flag: 'iframe-javascript', body: `<iframe src="javascript:parent.__xss='iframe-javascript'"></iframe>` },
  { name: 'iframe srcdoc', flag: 'iframe-srcdoc', body: `<iframe srcdoc="<script>parent.__xss='iframe-srcdoc'</script>"></iframe>` },
  { name: 'object data javascript:', flag: 'object-data', body: `<object data="javascript:parent.__xss='object-data'"></object>` },
  { name: 'embed data:text/html', flag: 'embed-data', body: `<embed src="data:text/html;base64,${btoa(documentSettingFlag('embed-data'))}">` },
  { name: 'form action javascript:', flag: 'form-action', body: `<form action="javascript:window.__xss='form-action'"><button>Send</button></form>` },
  { name: 'button formaction javascript:', flag: 'formaction', body: `<form><button formaction="javascript:window.__xss='formaction'">Send</button></form>` },
  { name: 'meta refresh to javascript:', flag: 'meta-refresh', body: `<meta http-equiv="refresh" content="0;url=javascript:window.__xss='meta-refresh'">` },
  { name: 'base href', flag: 'base-href', body: `<base href="javascript:window.__xss='base-href'//"><a href="x">x</a>` },

  // --- CSS ------------------------------------------------------------------
  { name: 'style element with @import', flag: 'style-import', body: `<style>@import 'javascript:window.__xss="style-import"';</style>` },
  { name: 'style element with url(javascript:)', flag: 'style-url', body: `<style>p{background:url("javascript:window.__xss='style-url'")}</style>` },
  { name: 'style attribute with url(javascript:)', flag: 'style-attr-url', body: `<p style="background:url(javascript:window.__xss='style-attr-url')">x</p>` },
  { name: 'style attribute with expression()', flag: 'style-expression', body: `<p style="width:expression(window.__xss='style-expression')">x</p>` },
  { name: 'style attribute with an escaped expression()', flag: 'style-escaped', body: `<p style="width:\\65xpression(window.__xss='style-escaped')">x</p>` },
  { name: 'link rel=stylesheet', flag: 'link-css', body: `<link rel="stylesheet" href="data:text/css,p{background:url(javascript:window.__xss='link-css')}">` },

  // --- HTML comments --------------------------------------------------------
  { name: 'script between HTML comments', flag: 'comment-script', body: `<!-- a --><script>window.__xss='comment-script'</script><!-- b -->` },
  { name: 'img breaking out of an HTML comment', flag: 'comment-breakout', body: `<!--<img src="--><img src=x onerror="window.__xss='comment-breakout'">-->` },
  { name: 'img after an abruptly closed comment', flag: 'comment-abrupt', body: `<!--><img src=x onerror="window.__xss='comment-abrupt'">` },

  // --- TeX --------------------------------------------------------------------
  { name: 'TeX \\href{javascript:…}', flag: 'tex-href', body: String.raw`$\href{javascript:window.__xss='tex-href'}{click}$` },
  { name: 'TeX \\href{JaVaScRiPt:…} in mixed case', flag: 'tex-href-case', body: String.raw`$\href{JaVaScRiPt:window.__xss='tex-href-case'}{click}$` },
  { name: 'TeX \\href with a tab in the scheme', flag: 'tex-href-tab', body: `$\\href{java\tscript:window.__xss='tex-href-tab'}{click}$` },
  { name: 'TeX \\href{data:text/html,…}', flag: 'tex-href-data', body: `$$\\href{data:text/html,${documentSettingFlag('tex-href-data')}}{click}$$` },
  { name: 'TeX \\href{#…} with quotes breaking out', flag: 'tex-href-fragment', body: String.raw`$\href{#" onmouseover="window.__xss='tex-href-fragment'}{click}$` },
  { name: 'TeX \\url{javascript:…}', flag: 'tex-url', body: String.raw`$\url{javascript:window.__xss='tex-url'}$` },
  { name: 'TeX \\htmlData{onclick=…}', flag: 'tex-htmldata', body: `$\\htmlData{onclick=${evalFlag('tex-htmldata')}}{click}$` },
  { name: 'TeX \\htmlData with a space in the name', flag: 'tex-htmldata-name', body: `$\\htmlData{x onclick=${evalFlag('tex-htmldata-name')}}{click}$` },
  { name: 'TeX \\htmlId with quotes breaking out', flag: 'tex-htmlid', body: String.raw`$\htmlId{x" onclick="window.__xss='tex-htmlid'}{click}$` },
  { name: 'TeX \\htmlClass with quotes breaking out', flag: 'tex-htmlclass', body: String.raw`$\htmlClass{x" onclick="window.__xss='tex-htmlclass'}{click}$` },
  { name: 'TeX \\htmlStyle{background:url(javascript:…)}', flag: 'tex-htmlstyle', body: String.raw`$\htmlStyle{background:url(javascript:window.__xss='tex-htmlstyle')}{click}$` },
  { name: 'TeX \\includegraphics{javascript:…}', flag: 'tex-includegraphics', body: String.raw`$\includegraphics[height=1em]{javascript:window.__xss='tex-includegraphics'}$` },
  { name: 'TeX \\eqref label injection', flag: 'tex-eqref', body: String.raw`$\eqref{"><img src=x onerror="window.__xss='tex-eqref'">}$` },
  { name: 'TeX \\eqref label injection in running text', flag: 'text-eqref', body: String.raw`As \eqref{"><img src=x onerror=window.__xss='text-eqref'>} shows.` },
  {
    name: 'TeX \\label injection into an equation id',
    flag: 'tex-label',
    body: String.raw`$$x^2 \label{a"><svg onload=window.__xss='tex-label'>}$$` + '\n\nSee ' + String.raw`\eqref{a"><svg onload=window.__xss='tex-label'>}.`,
  },
  { name: 'TeX \\tag injection', flag: 'tex-tag', body: String.raw`$$x \tag{<img src=x onerror="window.__xss='tex-tag'">}$$` },
  { name: 'TeX equation number after $$ injection', flag: 'tex-eqno', body: `$$x$$ (<svg/onload=window.__xss='tex-eqno'>)` },
  { name: 'TeX \\text with HTML', flag: 'tex-text', body: String.raw`$\text{</span><img src=x onerror="window.__xss='tex-text'">}$` },
  { name: 'TeX \\def expanding to HTML', flag: 'tex-def', body: String.raw`$\def\x{<script>window.__xss='tex-def'</script>}\x$` },
  { name: 'TeX \\color breaking out of the style', flag: 'tex-color', body: String.raw`$\color{red;background:url(javascript:window.__xss='tex-color')}{x}$` },
  { name: 'TeX in a code span', flag: 'tex-code-span', body: "`$\\href{javascript:window.__xss='tex-code-span'}{click}$` <img src=x onerror=\"window.__xss='tex-code-span'\">" },
];
