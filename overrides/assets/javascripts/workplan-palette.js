/* The colour palette: what Material's inline palette script and its palette component do
   (mkdocs-material 9.8.1, partials/javascripts/palette.html and components/palette), run once while
   the header is parsed (overrides/partials/palette.html says why the component is not mounted).

   - The palette is the one of the form's options whose media query matches (the reader's light or dark
     preference), or, when the palette has toggles, the one the reader picked (saved as Material saves
     it, "__palette" in the scope's storage).  "(prefers-color-scheme)" (an automatic option) takes the
     colours of the light or dark option, as in Material.
   - It is applied as body attributes (data-md-color-*), the label of the toggle to the next option is
     shown, and the color-scheme and theme-color meta tags follow the page's computed colours.
   - Later, a change of the reader's preference (no palette picked) or a toggle applies the new palette,
     with transitions off for that restyle (data-md-color-switching, removed a frame later). */
(function () {
  "use strict";
  var form = document.querySelector("form[data-wp-palette]");
  var inputs = form ? form.querySelectorAll("input.md-option") : [];
  if (!inputs.length) return;
  var toggles = !!form.querySelector("label");
  var body = document.body;
  var header = form.closest("header") || body;

  function meta(name) {
    var el = document.head.querySelector("meta[name='" + name + "'][data-wp-palette]");
    if (!el) {
      el = document.createElement("meta");
      el.name = name;
      el.setAttribute("data-wp-palette", "");
      document.head.appendChild(el);
    }
    return el;
  }
  var schemeMeta = meta("color-scheme"), themeMeta = meta("theme-color");

  function palette(index) {
    var input = inputs[index];
    return { index: index, color: { media: input.getAttribute("data-md-color-media"),
      scheme: input.getAttribute("data-md-color-scheme"), primary: input.getAttribute("data-md-color-primary"),
      accent: input.getAttribute("data-md-color-accent") } };
  }
  function matching() {
    for (var i = 0; i < inputs.length; i++) {
      var media = inputs[i].getAttribute("data-md-color-media");
      if (media && matchMedia(media).matches) return i;
    }
    return 0;
  }
  function saved() {
    if (!toggles) return null;
    try {
      var value = window.__md_get("__palette");
      return value && value.color && value.index >= 0 && value.index < inputs.length ? value : null;
    } catch { return null; }
  }

  function apply(value, switching) {
    if (switching) body.setAttribute("data-md-color-switching", "");
    var color = {};
    Object.keys(value.color).forEach(function (key) { color[key] = value.color[key]; });
    if (color.media === "(prefers-color-scheme)") {
      var light = matchMedia("(prefers-color-scheme: light)").matches;
      var input = form.querySelector(light ? "[data-md-color-media='(prefers-color-scheme: light)']"
                                           : "[data-md-color-media='(prefers-color-scheme: dark)']");
      if (input) {
        color.scheme = input.getAttribute("data-md-color-scheme");
        color.primary = input.getAttribute("data-md-color-primary");
        color.accent = input.getAttribute("data-md-color-accent");
      }
    }
    Object.keys(color).forEach(function (key) {
      if (color[key] != null) body.setAttribute("data-md-color-" + key, color[key]);
    });
    for (var i = 0; i < inputs.length; i++) {
      inputs[i].checked = i === value.index;
      var label = inputs[i].nextElementSibling;
      if (label instanceof HTMLElement && label.tagName === "LABEL") label.hidden = i !== value.index;
    }
    var style = getComputedStyle(header);
    schemeMeta.content = style.colorScheme;
    var rgb = (style.backgroundColor.match(/\d+/g) || []).slice(0, 3);
    if (rgb.length === 3) {
      themeMeta.content = "#" + rgb.map(function (c) { return (+c).toString(16).padStart(2, "0"); }).join("");
    }
    if (switching) requestAnimationFrame(function () { body.removeAttribute("data-md-color-switching"); });
  }

  var chosen = saved();
  apply(chosen || palette(matching()), false);

  /* the reader's preference changes: follow it unless a palette was picked with a toggle */
  for (var i = 0; i < inputs.length; i++) {
    var media = inputs[i].getAttribute("data-md-color-media");
    if (!media) continue;
    matchMedia(media).addEventListener("change", function () {
      var picked = saved();
      apply(picked || palette(matching()), true);
    });
  }
  /* a toggle: its label checks the next option */
  form.addEventListener("change", function (event) {
    var index = Array.prototype.indexOf.call(inputs, event.target);
    if (index < 0) return;
    var value = palette(index);
    apply(value, true);
    window.__md_set("__palette", value);
  });
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var index = Array.prototype.findIndex.call(inputs, function (input) { return input.checked; });
    var next = inputs[(index + 1) % inputs.length];
    next.click();
    next.focus();
  });
})();
