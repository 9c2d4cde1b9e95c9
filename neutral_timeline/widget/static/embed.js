/* neutral-timeline widget page: WordPress's embed handshake, and links inside its sandbox.
   WordPress frames this page with src "...#?secret=XXXXXXXXXX" and sandbox="allow-scripts"; its
   wp-embed.js resizes the iframe when the page posts {message: "height", value, secret}. */
(function () {
  "use strict";
  var framed = window.parent !== window, last = -1, timer = 0;

  function secret() {
    // WordPress appends its own "#?secret=" to whatever the src held: the last one is the live one.
    var found = location.hash.match(/secret=[A-Za-z0-9]+/g);
    return found ? found[found.length - 1].slice(7) : "";
  }

  function send(force) {
    var key = secret(), height = Math.ceil(document.body.getBoundingClientRect().height);
    if (!framed || !key || (!force && height === last)) return;
    last = height;
    window.parent.postMessage({ message: "height", value: height, secret: key }, "*");
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(send, 100);
  }

  window.addEventListener("message", function (event) {
    var data = event.data;  // the host says it is ready (it may have loaded after us): answer again
    if (event.source === window.parent && data && data.message === "ready" && data.secret === secret()) send(true);
  });
  window.addEventListener("load", function () { send(true); });
  window.addEventListener("resize", later);
  if (window.ResizeObserver) new ResizeObserver(later).observe(document.body);

  // In a sandbox without allow-popups, target=_blank does nothing. Our own pages: ask WordPress to
  // open them in the top window ("link" message); other sources: open them in this frame.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || !framed || window.origin !== "null" || event.defaultPrevented) return;
    if (event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    if (link.host === location.host && secret()) {
      event.preventDefault();
      window.parent.postMessage({ message: "link", value: link.href, secret: secret() }, "*");
    } else {
      link.removeAttribute("target");
    }
  });
})();
