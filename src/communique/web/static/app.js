// Communique: small progressive enhancements; every page works without this script.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  if (!text) { return; }

  function segmentsOf(id) {
    return text.querySelectorAll(".ev[data-events~='" + id + "']");
  }
  function mark(id, on) {
    segmentsOf(id).forEach(function (el) { el.classList.toggle("sel", on); });
  }
  // Opening an event in the panel marks its evidence in the text.
  document.querySelectorAll("details.event").forEach(function (box) {
    box.addEventListener("toggle", function () {
      mark(box.dataset.event, box.open);
      if (box.open) {
        var first = segmentsOf(box.dataset.event)[0];
        if (first && first.getBoundingClientRect().top > window.innerHeight) { first.scrollIntoView({block: "center"}); }
      }
    });
  });
  // Clicking evidence opens its event(s) and moves focus there.
  text.addEventListener("click", function (e) {
    var seg = e.target.closest(".ev");
    if (!seg || text.classList.contains("hide-ev")) { return; }
    var ids = (seg.dataset.events || "").split(" ");
    ids.forEach(function (id, i) {
      var box = document.getElementById(id);
      if (!box) { return; }
      box.open = true;
      if (i === 0) { box.querySelector("summary").focus(); box.scrollIntoView({block: "nearest"}); }
    });
  });
  // Layer switches.
  document.querySelectorAll("input[data-layer]").forEach(function (box) {
    box.addEventListener("change", function () {
      text.classList.toggle("hide-" + box.dataset.layer, !box.checked);
    });
  });
  // A link to #ev-N opens that event.
  if (location.hash && location.hash.indexOf("#ev-") === 0) {
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.tagName === "DETAILS") { target.open = true; }
  }
})();

// Filter forms: leave empty fields out of the URL, so shared links stay short.
document.querySelectorAll("form.filters").forEach(function (form) {
  form.addEventListener("submit", function () {
    form.querySelectorAll("input, select").forEach(function (field) {
      if (field.name && !field.value) { field.disabled = true; }
    });
    setTimeout(function () {
      form.querySelectorAll("[disabled]").forEach(function (f) { f.disabled = false; });
    }, 0);
  });
});
