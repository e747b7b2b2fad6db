// Web Config's only script (CSP: script-src 'self'). It folds the menu on narrow screens. On
// the Sign In page it counts the code's lifetime down and polls the sign-in state (state only,
// never a token); when the state changes it reloads, so the page shows "Signed in", the remedy,
// or a new-code button by itself.
'use strict';
(function () {
    var menu = document.getElementById('menu');
    if (menu && window.matchMedia && window.matchMedia('(max-width: 48em)').matches) {
        menu.open = false; // without the script the menu simply stays open
    }
})();
(function () {
    var pending = document.getElementById('sign-in-pending');
    if (!pending) {
        return;
    }
    var statusUrl = pending.getAttribute('data-status-url');
    var remaining = parseInt(pending.getAttribute('data-remaining-seconds'), 10) || 0;
    var deadline = Date.now() + remaining * 1000;
    var countdown = document.getElementById('countdown');
    var countdownWords = document.getElementById('countdown-words');
    var lang = document.documentElement.lang || 'en';
    var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;

    // "expires in N minutes", the last minute in seconds, as the server writes it.
    function words(seconds) {
        var unit = seconds >= 60 ? 'minutes' : 'seconds';
        var n = seconds >= 60 ? Math.ceil(seconds / 60) : seconds;
        var form = plurals ? plurals.select(n) : 'other';
        var pattern = pending.getAttribute('data-' + unit + '-' + form)
            || pending.getAttribute('data-' + unit + '-other');
        return pattern === null ? null : pattern.split('{0}').join(String(n));
    }

    function format(seconds) {
        var m = Math.floor(seconds / 60);
        var s = seconds % 60;
        return m + ':' + (s < 10 ? '0' : '') + s;
    }

    function tick() {
        var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
        countdown.textContent = format(left);
        var sentence = words(left);
        if (countdownWords && sentence !== null) {
            countdownWords.textContent = sentence;
        }
        if (left <= 0) {
            window.location.reload();
            return;
        }
        window.setTimeout(tick, 1000);
    }

    function poll() {
        fetch(statusUrl, { credentials: 'same-origin', cache: 'no-store' })
            .then(function (response) {
                if (response.status === 401) {
                    window.location.reload(); // session ended: the reload leads to the log-in page
                    return null;
                }
                return response.ok ? response.json() : null;
            })
            .then(function (status) {
                if (status && status.state !== 'SIGN_IN_PENDING') {
                    window.location.reload();
                    return;
                }
                window.setTimeout(poll, 2000);
            })
            .catch(function () {
                window.setTimeout(poll, 5000);
            });
    }

    tick();
    window.setTimeout(poll, 1000);
})();
