// Inlined into report.html. Filters hide rule rows whose outcome or level is unchecked, then hide clauses and
// families left empty, so what remains on screen is exactly what the reader asked for.
(function () {
  'use strict';
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-filter]'));
  function apply() {
    var on = { outcome: {}, level: {} };
    boxes.forEach(function (box) { if (box.checked) on[box.getAttribute('data-filter')][box.value] = true; });
    var rows = document.querySelectorAll('tr.rule');
    var shown = 0;
    Array.prototype.forEach.call(rows, function (row) {
      var visible = !!on.outcome[row.getAttribute('data-outcome')] && !!on.level[row.getAttribute('data-level')];
      row.hidden = !visible;
      if (visible) shown++;
    });
    Array.prototype.forEach.call(document.querySelectorAll('article.clause, section.family'), function (block) {
      block.hidden = block.querySelector('tr.rule:not([hidden])') === null;
    });
    document.getElementById('shown-count').textContent = String(shown);
  }
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  apply();
})();
