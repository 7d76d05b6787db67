/* mkdocs-aiblog: loads a post's comment widget (giscus, Isso) only when the
   reader reaches it or asks for it. Material's instant navigation runs this
   script again on every page that has it; the work is set up once. */
(function () {
  "use strict";
  if (window.aiblogComments) return window.aiblogComments();

  function theme() {
    var scheme = document.body.getAttribute("data-md-color-scheme");
    return scheme === "slate" ? "dark" : "light";
  }

  function load(section) {
    var widget = section.querySelector(".aiblog-comments__widget");
    if (!widget || widget.hasAttribute("data-aiblog-loaded")) return;
    widget.setAttribute("data-aiblog-loaded", "");
    var consent = section.querySelector(".aiblog-comments__consent");
    if (consent) consent.hidden = true;
    var isso = widget.getAttribute("data-aiblog-provider") === "isso";
    if (isso && window.Isso) {  /* loaded on an earlier page: a new thread */
      window.Isso.init();
      window.Isso.fetchComments();
      return;
    }
    var script = document.createElement("script");
    for (var i = 0; i < widget.attributes.length; i++) {
      var a = widget.attributes[i];
      if (a.name.indexOf("data-") === 0 && a.name.indexOf("data-aiblog-") !== 0)
        script.setAttribute(a.name, a.value);
    }
    if (widget.hasAttribute("data-aiblog-palette")) script.setAttribute("data-theme", theme());
    script.crossOrigin = "anonymous";
    script.async = true;
    script.src = widget.getAttribute("data-aiblog-src");
    widget.appendChild(script);
  }

  function setup() {
    var sections = document.querySelectorAll(".aiblog-comments");
    for (var i = 0; i < sections.length; i++) {
      var section = sections[i];
      if (section.hasAttribute("data-aiblog-ready")) continue;
      section.setAttribute("data-aiblog-ready", "");
      var how = section.getAttribute("data-aiblog-load");
      if (how === "click") {
        var consent = section.querySelector(".aiblog-comments__consent");
        consent.hidden = false;
        consent.querySelector("button").addEventListener("click", load.bind(null, section));
      } else if (how === "visible" && "IntersectionObserver" in window) {
        new IntersectionObserver(function (entries, observer) {
          entries.forEach(function (entry) {
            if (!entry.isIntersecting) return;
            observer.disconnect();
            load(entry.target);
          });
        }).observe(section);
      } else {
        load(section);
      }
    }
  }

  /* The palette toggle: giscus's frame is told the new theme. */
  new MutationObserver(function () {
    var frames = document.querySelectorAll(
      "[data-aiblog-palette] iframe.giscus-frame");
    for (var i = 0; i < frames.length; i++)
      frames[i].contentWindow.postMessage(
        { giscus: { setConfig: { theme: theme() } } }, "https://giscus.app");
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  window.aiblogComments = setup;
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", setup);
  setup();
})();
