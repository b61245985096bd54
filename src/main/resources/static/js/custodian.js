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

	document.addEventListener('DOMContentLoaded', function () {
		localise(document);
		var summary = document.querySelector('.error-summary[tabindex]');
		if (summary) {
			summary.focus();
		}
	});
	document.addEventListener('htmx:afterSettle', function (event) {
		localise(event.target);
	});
}());
