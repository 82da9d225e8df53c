// The managers' KPI dashboard (/kpis): draws each figure's weekly trend with Chart.js, from the report the page
// carries in the grid's data-report attribute (the JSON of /api/kpis with the same filters). Served by Touchpoint:
// the pages' CSP allows scripts from 'self' only, no inline script.
(function () {
  'use strict';

  function drawAll(report) {
    var labels = report.weeks.map(function (week) { return week.slice(5); });
    window.touchpointKpiCharts = {};
    report.figures.forEach(function (figure) {
      var card = document.querySelector('.kpi-card[data-kpi="' + figure.id + '"]');
      if (!card) {
        return;
      }
      var canvas = card.querySelector('canvas');
      var values = figure.weekly.map(function (point) { return point.value; });
      var counts = figure.unit === 'visitors' || figure.unit === 'escalations';
      window.touchpointKpiCharts[figure.id] = new Chart(canvas, {
        type: counts ? 'bar' : 'line',
        data: {
          labels: labels,
          datasets: [{
            label: figure.label + ' (' + figure.unit + ')',
            data: values,
            borderColor: '#0b6bcb',
            backgroundColor: counts ? '#8cc4f5' : 'rgba(11, 107, 203, 0.15)',
            pointRadius: 3,
            spanGaps: true,
            fill: !counts
          }]
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: {
            legend: { display: false },
            tooltip: {
              callbacks: {
                afterLabel: function (context) {
                  return 'based on ' + figure.weekly[context.dataIndex].count;
                }
              }
            }
          },
          scales: {
            x: { ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 6 } },
            y: { beginAtZero: true, suggestedMax: figure.unit === '%' ? 100 : undefined }
          }
        }
      });
    });
    document.getElementById('kpi-grid').setAttribute('data-charts', 'drawn');
  }

  document.addEventListener('DOMContentLoaded', function () {
    var grid = document.getElementById('kpi-grid');
    if (!grid || typeof Chart === 'undefined') {
      return;
    }
    try {
      // the page's own figures, as /api/kpis gives them for the same filters (an attribute: no inline script)
      drawAll(JSON.parse(grid.getAttribute('data-report')));
    } catch (error) {
      grid.setAttribute('data-charts', 'failed');
      var note = document.createElement('p');
      note.className = 'problem';
      note.textContent = 'The charts could not be drawn (' + error.message + '). The figures below are current.';
      grid.parentNode.insertBefore(note, grid);
    }
  });
}());
