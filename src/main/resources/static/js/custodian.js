// Shows every <time datetime> in the viewer's own time zone and language. The server
// renders UTC, so the page stays correct without JavaScript.
(function () {
	'use strict';

	function localise(root) {
		var lang = document.documentElement.lang || undefined;
		var format;
		try {
			format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
		} catch (e) {
			format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
		}
		var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
		root.querySelectorAll('time[data-local]').forEach(function (time) {
			var date = new Date(time.getAttribute('datetime'));
			if (!isNaN(date.getTime())) {
				time.textContent = format.format(date);
				time.title = time.getAttribute('datetime') + ' (' + zone + ')';
			}
		});
	}

	// A table wider than the window scrolls inside its own box, not the page; the box is
	// labelled by the table's caption or its section's heading, and focusable when it
	// scrolls, so that a keyboard can scroll it too.
	function boxTables(root) {
		var used = {};
		root.querySelectorAll('table.table').forEach(function (table) {
			var box = table.parentElement;
			if (!box.classList.contains('table-scroll')) {
				box = document.createElement('div');
				box.className = 'table-scroll';
				table.parentNode.insertBefore(box, table);
				box.appendChild(table);
			}
			if (box.scrollWidth <= box.clientWidth) {
				box.removeAttribute('role');
				box.removeAttribute('tabindex');
				box.removeAttribute('aria-label');
				return;
			}
			var caption = table.querySelector('caption');
			var section = box.closest('section, main');
			var heading = section && section.querySelector('h2, h1');
			var label = ((caption && caption.textContent) || (heading && heading.textContent) || document.title).trim();
			used[label] = (used[label] || 0) + 1;
			box.setAttribute('role', 'region');
			box.setAttribute('aria-label', (used[label] > 1) ? label + ' (' + used[label] + ')' : label);
			box.tabIndex = 0;
		});
	}

	var resizing;
	window.addEventListener('resize', function () {
		clearTimeout(resizing);
		resizing = setTimeout(function () { boxTables(document); }, 150);
	});

	document.addEventListener('DOMContentLoaded', function () {
		localise(document);
		boxTables(document);
		var summary = document.querySelector('.error-summary[tabindex]');
		if (summary) {
			summary.focus();
		}
	});
	document.addEventListener('htmx:afterSettle', function (event) {
		localise(event.target);
		boxTables(document);
	});
}());
