(function () {
  "use strict";
  /* A 404 page is served for a missing address at any depth, so its links are made here: the site's
     root is the part of the address before its edition segment (/course/plan/en/x -> /course/plan/),
     else the public address's path when the address is under it, else the address's own folder. */
  var me = document.currentScript;
  var codes = me.getAttribute("data-editions").split(" ");
  var known = me.getAttribute("data-path");
  var segments = location.pathname.split("/");
  var root = null;
  for (var i = 1; i < segments.length && root === null; i++) {
    if (codes.indexOf(segments[i]) >= 0) root = segments.slice(0, i).join("/") + "/";
  }
  if (root === null) root = known && location.pathname.indexOf(known) === 0 ? known : location.pathname.replace(/[^/]*$/, "");
  var links = document.querySelectorAll("a[data-edition]");
  for (var k = 0; k < links.length; k++) {
    links[k].href = new URL(root + links[k].getAttribute("data-edition") + "/", location.href).href;
  }
})();
