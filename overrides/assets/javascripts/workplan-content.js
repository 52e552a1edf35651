/* Material's anchor-target script (mkdocs-material 9.8.1, partials/javascripts/content.html) as a
   file: when the URL's fragment names a tab input, check it. */
(function () {
  "use strict";
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
})();
