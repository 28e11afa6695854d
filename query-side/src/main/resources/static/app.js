/*
 * Sidecar PRM web dashboard: plain JavaScript, no build step. Hash routes:
 *   #/                      the portfolio (live through /api/dashboard/stream)
 *   #/partners?status=…     the partner list, its filters, sort and page in the hash
 *   #/partners/{id}         one partner (?dealsPage=n pages its deals), with its audit history
 * API data is only ever put into the page as text (textContent), never as HTML.
 */
'use strict';

(function () {
    const STAGES = ['UNSTAGED', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION'];
    const STATUSES = ['ONBOARDING', 'ACTIVE', 'SUSPENDED', 'OFFBOARDED'];
    const TIERS = ['REGISTERED', 'SILVER', 'GOLD', 'PLATINUM'];
    const TYPES = ['RESELLER', 'REFERRAL', 'TECHNOLOGY', 'SERVICES', 'DISTRIBUTOR'];
    const STEPS = ['AGREEMENT_SIGNED', 'COMPLIANCE_CHECKED', 'TRAINING_COMPLETED'];
    const LIST_FILTERS = ['q', 'status', 'tier', 'type', 'region', 'atRisk'];
    const SORTABLE = ['name', 'type', 'region', 'status', 'tier', 'lastCheckInOn'];
    const PAGE_SIZE = 20;
    const DEALS_PAGE_SIZE = 10;
    const HISTORY_PAGE_SIZE = 25;
    const AT_RISK_SHOWN = 10;
    const LOCALE = navigator.language || 'en';
    const REDUCED_MOTION = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const COLORS = {
        bar: '#1d4ed8',
        line: '#b45309',
        tiers: {REGISTERED: '#94a3b8', SILVER: '#475569', GOLD: '#ca8a04', PLATINUM: '#6d28d9'},
        stages: ['#93c5fd', '#3b82f6', '#1d4ed8', '#1e3a8a']
    };

    document.documentElement.classList.add('js');
    // set once per page load: the browser test proves with it that live updates arrive without a reload
    window.__loadId = Date.now().toString(36) + Math.random().toString(36).slice(2);

    const main = document.getElementById('main');
    const alerts = document.getElementById('alerts');
    const announcer = document.getElementById('announcer');

    // ---------------------------------------------------------------- DOM and formatting helpers

    /** Creates an element; attributes with null, undefined or false values are left out; children are text. */
    function h(tag, attrs, ...children) {
        const el = document.createElement(tag);
        for (const [key, value] of Object.entries(attrs || {})) {
            if (value === null || value === undefined || value === false) {
                continue;
            }
            if (key === 'class') {
                el.className = value;
            } else if (key === 'dataset') {
                Object.assign(el.dataset, value);
            } else if (key.startsWith('on')) {
                el.addEventListener(key.slice(2), value);
            } else {
                el.setAttribute(key, value === true ? '' : String(value));
            }
        }
        for (const child of children.flat(Infinity)) {
            if (child !== null && child !== undefined && child !== false) {
                el.append(child instanceof Node ? child : String(child));
            }
        }
        return el;
    }

    const hidden = text => h('span', {class: 'visually-hidden'}, text);
    const integer = new Intl.NumberFormat(LOCALE);
    const plurals = new Intl.PluralRules('en');
    /** A count and its noun, in the plural where English wants one: "1 open deal", "3 open deals". */
    const count = (n, one, many) => integer.format(n || 0) + ' ' + (plurals.select(n || 0) === 'one' ? one : many);
    const percentFormat = new Intl.NumberFormat(LOCALE, {style: 'percent', maximumFractionDigits: 1});
    const dayFormat = new Intl.DateTimeFormat(LOCALE, {dateStyle: 'medium', timeZone: 'UTC'});
    const timeFormat = new Intl.DateTimeFormat(LOCALE, {dateStyle: 'medium', timeStyle: 'medium'});
    /** For history: to the second, with the time zone, since an auditor compares it with other records. */
    const instantFormat = new Intl.DateTimeFormat(LOCALE, {dateStyle: 'medium', timeStyle: 'long'});
    const moneyFormats = new Map();

    function moneyFormat(currency, style) {
        const key = currency + '/' + style;
        if (!moneyFormats.has(key)) {
            const options = {style: 'currency', currency};
            if (style === 'whole') {
                options.maximumFractionDigits = 0;
            } else if (style === 'compact') {
                options.notation = 'compact';
                options.maximumFractionDigits = 1;
            }
            moneyFormats.set(key, new Intl.NumberFormat(LOCALE, options));
        }
        return moneyFormats.get(key);
    }

    /** Money {amount: "1234.50", currency: "USD"} in the user's locale; whole units unless exact. */
    function money(value, style) {
        if (!value || value.amount === null || value.amount === undefined) {
            return '—';
        }
        try {
            return moneyFormat(value.currency || 'USD', style || 'whole').format(Number(value.amount));
        } catch (e) {
            return value.amount + ' ' + value.currency;
        }
    }

    const amountOf = value => (value && value.amount !== undefined ? Number(value.amount) : 0);
    const percent = value => (value === null || value === undefined ? 'n/a' : percentFormat.format(Number(value)));
    const human = value => (value ? value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ') : '—');

    function day(iso) {
        if (!iso) {
            return '—';
        }
        const parsed = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
        return h('time', {datetime: iso}, isNaN(parsed) ? iso : dayFormat.format(parsed));
    }

    /** An ISO instant in the user's local time, the instant itself in the time element (and its tooltip). */
    function instant(iso) {
        if (!iso) {
            return '—';
        }
        const parsed = new Date(iso.replace(/(\.\d{3})\d+/, '$1')); // history keeps nanoseconds; Date reads ms
        return h('time', {datetime: iso, title: iso}, isNaN(parsed) ? iso : instantFormat.format(parsed));
    }

    function badge(value, prefix) {
        return h('span', {class: 'badge ' + (value || '')}, prefix ? hidden(prefix + ': ') : null, human(value));
    }

    /** A bar with its number beside it: the number carries the information, the bar and its colour repeat it. */
    function scoreBar(value, max, text) {
        if (value === null || value === undefined) {
            return h('span', {class: 'empty'}, 'n/a');
        }
        const share = Math.max(0, Math.min(1, Number(value) / max));
        const level = share < 0.4 ? 'low' : share < 0.7 ? 'mid' : 'high';
        return h('span', {class: 'bar ' + level},
            h('span', {class: 'track', 'aria-hidden': 'true'},
                h('span', {class: 'fill', style: 'width:' + (share * 100).toFixed(1) + '%'})),
            h('span', {class: 'num'}, text));
    }

    const healthBar = score => scoreBar(score, 100, score === null || score === undefined ? '' : String(score));
    const attainmentBar = value => scoreBar(value, 1, percent(value));

    function partnerLink(partner) {
        return h('a', {href: '#/partners/' + encodeURIComponent(partner.id || partner.partnerId)}, partner.name);
    }

    function tableScroll(label, table) {
        // focusable so that keyboard users can scroll a wide table on a narrow screen
        return h('div', {class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': label}, table);
    }

    function headRow(columns) {
        return h('thead', {}, h('tr', {}, columns.map(c => h('th', {scope: 'col', class: c.num ? 'num' : null},
            c.label))));
    }

    function emptyRow(columns, text) {
        return h('tr', {}, h('td', {colspan: columns, class: 'empty'}, text));
    }

    /** Replaces the page content; absent (null) children are left out rather than shown as "null". */
    function show(...children) {
        main.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false));
    }

    function bumpUpdated() {
        main.dataset.updated = String(Number(main.dataset.updated || 0) + 1);
    }

    function setTitle(title) {
        document.title = title + ' · Sidecar PRM';
    }

    // ---------------------------------------------------------------- API and errors

    class ApiError extends Error {
        constructor(status, problem) {
            super(problem.detail || problem.title || 'HTTP ' + status);
            this.status = status;
            this.problem = problem;
        }
    }

    /** GETs JSON; an error answer (RFC 9457 problem or not) becomes an ApiError carrying the problem. */
    async function api(path) {
        let response;
        try {
            // X-Requested-With: a 401 then carries no Basic challenge, so the browser shows no password dialog
            response = await fetch(path, {headers: {Accept: 'application/json', 'X-Requested-With': 'fetch'}});
        } catch (e) {
            throw new ApiError(0, {title: 'The server cannot be reached', detail: String(e.message || e)});
        }
        if (response.status === 401) {
            // the session ended: sign in again, and come back here
            window.location.assign('login');
            throw new ApiError(401, {title: 'Signed out', detail: 'Sign in again.'});
        }
        if (!response.ok) {
            let problem = {title: response.statusText || 'Request failed', status: response.status};
            if ((response.headers.get('Content-Type') || '').includes('json')) {
                try {
                    problem = await response.json();
                } catch (e) {
                    // keep the status line
                }
            }
            throw new ApiError(response.status, problem);
        }
        return {body: await response.json(), warning: response.headers.get('Warning')};
    }

    function showProblem(error, context) {
        const problem = error.problem || {title: 'Unexpected error', detail: String(error.message || error)};
        const status = problem.status || error.status;
        const fields = Array.isArray(problem.errors)
            ? problem.errors.map(e => (e.field ? e.field + ' ' : '') + (e.message || '')).join('; ')
            : '';
        const detail = [problem.detail, fields && fields !== problem.detail ? fields : ''].filter(Boolean);
        const item = h('div', {class: 'alert', dataset: {status: status || ''}},
            h('p', {},
                h('strong', {}, (context ? context + ': ' : '') + (problem.title || 'Error')
                    + (status ? ' (' + status + ')' : '')),
                detail.length ? ' ' + detail.join(' — ') : ''),
            h('button', {type: 'button', onclick: () => item.remove()}, 'Dismiss'));
        alerts.append(item);
    }

    let lastAnnouncement = 0;

    /** Tells screen-reader users about live changes, politely and at most every 10 s. */
    function announce(text) {
        const now = Date.now();
        if (now - lastAnnouncement < 10000) {
            return;
        }
        lastAnnouncement = now;
        announcer.textContent = text;
    }

    // ---------------------------------------------------------------- charts

    let chartsMissingReported = false;

    function chartsAvailable() {
        if (window.Chart) {
            return true;
        }
        if (!chartsMissingReported) {
            chartsMissingReported = true;
            showProblem({problem: {title: 'Charts unavailable',
                detail: 'the charting library did not load; the figures are shown as tables'}});
        }
        return false;
    }

    if (window.Chart) {
        Chart.defaults.color = '#4a5365';
        Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
        Chart.defaults.animation = REDUCED_MOTION ? false : {duration: 250};
    }

    /**
     * A chart in a figure: caption, canvas (role img, its label a summary of the data) and the same data as a
     * table in a details element. data-points counts the non-empty points.
     */
    function chartFigure(id, caption, columns, small) {
        const canvas = h('canvas', {role: 'img', 'aria-label': caption + ': no data yet'});
        const tbody = h('tbody');
        const details = h('details', {},
            h('summary', {}, 'Show as table'),
            tableScroll(caption + ' as a table',
                h('table', {}, h('caption', {class: 'visually-hidden'}, caption), headRow(columns), tbody)));
        const empty = h('p', {class: 'empty', hidden: true}, 'No data yet.');
        const figure = h('figure', {class: 'chart', id, dataset: {points: '0'}},
            h('figcaption', {}, caption),
            h('div', {class: 'chart-box' + (small ? ' small' : '')}, canvas), empty, details);
        return {figure, canvas, tbody, details, empty, chart: null, caption};
    }

    /** Puts new data into a figure: updates the chart in place (creating it the first time) and its table. */
    function updateFigure(fig, labels, series, rows, points, summary, makeChart) {
        fig.figure.dataset.points = String(points);
        fig.empty.hidden = points > 0;
        fig.canvas.setAttribute('aria-label', fig.caption + ': ' + summary);
        fig.tbody.replaceChildren(...rows.map(cells => h('tr', {},
            h('th', {scope: 'row'}, cells[0]), cells.slice(1).map(c => h('td', {class: 'num'}, c)))));
        if (!chartsAvailable()) {
            fig.details.open = true;
            return;
        }
        if (!fig.chart) {
            fig.chart = makeChart(fig.canvas);
        }
        fig.chart.data.labels = labels;
        series.forEach((data, i) => {
            fig.chart.data.datasets[i].data = data;
        });
        fig.chart.update();
    }

    function destroyFigures(figures) {
        figures.forEach(f => f.chart && f.chart.destroy());
    }

    function moneyAxis(currency) {
        return {beginAtZero: true, ticks: {callback: v => moneyFormat(currency(), 'compact').format(v)}};
    }

    function moneyBarChart(canvas, label, currency, colors) {
        return new Chart(canvas, {
            type: 'bar',
            data: {labels: [], datasets: [{label, data: [], backgroundColor: colors || COLORS.bar}]},
            options: {
                responsive: true,
                maintainAspectRatio: false,
                plugins: {
                    legend: {display: false},
                    tooltip: {callbacks: {label: c => moneyFormat(currency(), 'whole').format(c.parsed.y)}}
                },
                scales: {y: moneyAxis(currency)}
            }
        });
    }

    function wonByQuarterChart(canvas, currency) {
        return new Chart(canvas, {
            data: {
                labels: [],
                datasets: [
                    {type: 'bar', label: 'Won revenue', data: [], backgroundColor: COLORS.bar, yAxisID: 'y'},
                    {type: 'line', label: 'Deals won', data: [], borderColor: COLORS.line,
                        backgroundColor: COLORS.line, pointStyle: 'triangle', pointRadius: 5, yAxisID: 'deals'}
                ]
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                plugins: {
                    legend: {position: 'bottom', labels: {usePointStyle: true}},
                    tooltip: {callbacks: {label: c => c.dataset.yAxisID === 'y'
                        ? 'Won revenue: ' + moneyFormat(currency(), 'whole').format(c.parsed.y)
                        : 'Deals won: ' + integer.format(c.parsed.y)}}
                },
                scales: {
                    y: moneyAxis(currency),
                    deals: {position: 'right', beginAtZero: true, grid: {drawOnChartArea: false},
                        ticks: {precision: 0}, title: {display: true, text: 'Deals won'}}
                }
            }
        });
    }

    function tierChart(canvas) {
        return new Chart(canvas, {
            type: 'doughnut',
            data: {labels: [], datasets: [{label: 'Partners', data: [],
                backgroundColor: TIERS.map(t => COLORS.tiers[t]), borderColor: '#fff'}]},
            options: {responsive: true, maintainAspectRatio: false, plugins: {legend: {position: 'right'}}}
        });
    }

    // ---------------------------------------------------------------- key-figure tiles

    function tile(id, label, extra) {
        const value = h('dd', {class: 'value', id, dataset: {value: ''}}, '—');
        const note = h('dd', {class: 'note', id: id + '-note'});
        return {root: h('div', {class: 'tile'}, h('dt', {}, label), value, note, extra || null), value, note};
    }

    /** A tile's amount: whole units, or compact ("$142.9M") from 100 million on, so it fits its tile. */
    function tileMoney(value) {
        return money(value, value && Math.abs(Number(value.amount)) >= 1e8 ? 'compact' : 'whole');
    }

    function setTile(t, text, raw, note) {
        t.value.textContent = text;
        t.value.dataset.value = raw === null || raw === undefined ? '' : String(raw);
        if (note !== undefined) {
            t.note.replaceChildren(...[].concat(note));
        }
    }

    // ---------------------------------------------------------------- portfolio page

    function portfolio(isCurrent) {
        setTitle('Portfolio');
        let currency = 'USD';
        const currencyOf = () => currency;
        let source = null;
        let retryTimer = null;
        let backoff = 1000;
        let lastAsOf = 0;
        let replaying = false;
        let lastReplayCheck = 0;
        let previousKey = null;
        let shownLists = null;

        const live = h('p', {class: 'live', id: 'live-status', dataset: {state: 'connecting'}},
            h('span', {class: 'dot', 'aria-hidden': 'true'}), h('span', {class: 'label'}, 'Connecting…'));
        const asOf = h('span', {id: 'as-of'}, '…');
        const period = h('span', {id: 'period'}, '…');
        const replayNotice = h('p', {class: 'notice', hidden: true},
            'The figures are being rebuilt from the event history and may be incomplete for a moment.');

        const tiles = {
            partners: tile('kpi-partners', 'Partners'),
            pipeline: tile('kpi-pipeline', 'Pipeline'),
            won: tile('kpi-won-revenue', 'Won revenue'),
            winRate: tile('kpi-win-rate', 'Win rate'),
            goals: tile('kpi-goal-attainment', 'Goal attainment'),
            atRisk: tile('kpi-at-risk', 'At risk',
                h('dd', {class: 'note'}, h('a', {href: '#/partners?atRisk=true'}, 'See the partners at risk')))
        };
        const figures = {
            pipeline: chartFigure('chart-pipeline', 'Pipeline by stage',
                [{label: 'Stage'}, {label: 'Pipeline', num: true}]),
            won: chartFigure('chart-won-revenue', 'Won revenue by quarter',
                [{label: 'Quarter'}, {label: 'Won revenue', num: true}, {label: 'Deals won', num: true}]),
            tiers: chartFigure('chart-tiers', 'Partners by tier',
                [{label: 'Tier'}, {label: 'Partners', num: true}])
        };
        const topColumns = [{label: 'Rank', num: true}, {label: 'Partner'}, {label: 'Tier'}, {label: 'Region'},
            {label: 'Won revenue', num: true}, {label: 'Win rate', num: true}, {label: 'Health'}];
        const topBody = h('tbody');
        const riskColumns = [{label: 'Partner'}, {label: 'Health'}, {label: 'Last check-in'}, {label: 'Status'},
            {label: 'Tier'}, {label: 'Pipeline', num: true}];
        const riskBody = h('tbody');
        const riskMore = h('p', {});

        show(
            h('div', {class: 'page-head'}, h('h1', {tabindex: -1}, 'Portfolio'), live),
            h('p', {class: 'meta'}, 'Quarter ', period, ' · as of ', asOf),
            replayNotice,
            h('section', {'aria-labelledby': 'kpi-heading'},
                h('h2', {id: 'kpi-heading', class: 'visually-hidden'}, 'Key figures'),
                h('dl', {class: 'tiles'}, Object.values(tiles).map(t => t.root))),
            h('section', {'aria-labelledby': 'charts-heading'},
                h('h2', {id: 'charts-heading'}, 'Pipeline, revenue and tiers'),
                h('div', {class: 'charts'}, Object.values(figures).map(f => f.figure))),
            h('section', {'aria-labelledby': 'top-heading'},
                h('h2', {id: 'top-heading'}, 'Top partners by won revenue'),
                tableScroll('Top partners', h('table', {id: 'top-partners'}, headRow(topColumns), topBody))),
            h('section', {'aria-labelledby': 'risk-heading'},
                h('h2', {id: 'risk-heading'}, 'Partners at risk'),
                tableScroll('Partners at risk', h('table', {id: 'at-risk'}, headRow(riskColumns), riskBody)),
                riskMore));

        function setLive(state, text) {
            live.dataset.state = state;
            live.querySelector('.label').textContent = text;
        }

        function render(d) {
            const stamp = Date.parse(d.asOf) || 0;
            if (stamp < lastAsOf) {
                return; // an answer older than what is shown (the first GET racing the stream)
            }
            lastAsOf = stamp;
            currency = (d.pipeline && d.pipeline.total && d.pipeline.total.currency) || currency;
            asOf.replaceChildren(h('time', {datetime: d.asOf}, d.asOf ? timeFormat.format(new Date(d.asOf)) : '—'));
            period.textContent = d.period || '—';

            const partners = d.partners || {};
            const byStatus = partners.byStatus || {};
            setTile(tiles.partners, integer.format(partners.total || 0), partners.total || 0,
                integer.format(byStatus.ACTIVE || 0) + ' active, ' + integer.format(byStatus.ONBOARDING || 0)
                + ' onboarding');
            const pipeline = d.pipeline || {};
            setTile(tiles.pipeline, tileMoney(pipeline.total), pipeline.total && pipeline.total.amount,
                'approved open deals');
            const won = d.wonRevenue || {};
            setTile(tiles.won, tileMoney(won.total), won.total && won.total.amount, 'all time');
            setTile(tiles.winRate, percent(d.winRate), d.winRate, 'won of won and lost deals');
            const goals = d.goals || {};
            setTile(tiles.goals, percent(d.goalAttainment), d.goalAttainment, goals.partners > 0
                ? money(goals.wonRevenue) + ' of ' + money(goals.revenueTarget) + ' target, '
                  + count(goals.partners, 'partner', 'partners')
                : 'no goals set for ' + (d.period || 'this quarter'));
            setTile(tiles.atRisk, integer.format(d.atRiskCount || 0), d.atRiskCount || 0);

            renderCharts(d, pipeline, won, partners);
            // the tables are rebuilt only when their rows change, so that a keyboard user's focus in them stays
            const lists = JSON.stringify([d.topPartners, d.atRiskPartners, d.atRiskCount]);
            if (lists !== shownLists) {
                shownLists = lists;
                renderTop(d.topPartners || []);
                renderAtRisk(d.atRiskPartners || [], d.atRiskCount || 0);
            }
            bumpUpdated();

            const key = [pipeline.total && pipeline.total.amount, won.total && won.total.amount, partners.total]
                .join('|');
            if (previousKey !== null && key !== previousKey) {
                announce('Figures updated: pipeline ' + money(pipeline.total) + ', won revenue '
                    + money(won.total) + ', ' + integer.format(partners.total || 0) + ' partners.');
            }
            previousKey = key;
        }

        function renderCharts(d, pipeline, won, partners) {
            const byStage = pipeline.byStage || {};
            const stageValues = STAGES.map(s => amountOf(byStage[s]));
            updateFigure(figures.pipeline, STAGES.map(human), [stageValues],
                STAGES.map(s => [human(s), money(byStage[s])]),
                stageValues.filter(v => v > 0).length,
                STAGES.map(s => human(s) + ' ' + money(byStage[s])).join('; '),
                canvas => moneyBarChart(canvas, 'Pipeline', currencyOf, COLORS.stages));

            const quarters = Object.keys(won.byQuarter || {}).sort();
            const quarterly = quarters.map(q => won.byQuarter[q] || {});
            const revenue = quarterly.map(q => amountOf(q.wonRevenue));
            const best = revenue.length ? quarters[revenue.indexOf(Math.max(...revenue))] : null;
            updateFigure(figures.won, quarters, [revenue, quarterly.map(q => q.dealsWon || 0)],
                quarters.map((q, i) => [q, money(quarterly[i].wonRevenue), integer.format(quarterly[i].dealsWon || 0)]),
                quarterly.filter(q => amountOf(q.wonRevenue) > 0 || q.dealsWon > 0).length,
                quarters.length
                    ? quarters[0] + ' to ' + quarters[quarters.length - 1] + ', ' + money(won.total)
                      + ' in all; best quarter ' + best + ' with ' + money(won.byQuarter[best].wonRevenue)
                    : 'no deal won yet',
                canvas => wonByQuarterChart(canvas, currencyOf));

            const byTier = partners.byTier || {};
            updateFigure(figures.tiers, TIERS.map(t => human(t) + ' (' + integer.format(byTier[t] || 0) + ')'),
                [TIERS.map(t => byTier[t] || 0)],
                TIERS.map(t => [human(t), integer.format(byTier[t] || 0)]),
                TIERS.filter(t => byTier[t] > 0).length,
                TIERS.map(t => human(t) + ' ' + integer.format(byTier[t] || 0)).join('; '),
                tierChart);
        }

        function renderTop(top) {
            topBody.replaceChildren(...(top.length ? top.map((p, i) => h('tr', {},
                h('td', {class: 'num'}, String(i + 1)),
                h('th', {scope: 'row'}, partnerLink(p)),
                h('td', {}, badge(p.tier, 'Tier')),
                h('td', {}, p.region || '—'),
                h('td', {class: 'num'}, money(p.wonRevenue)),
                h('td', {class: 'num'}, percent(p.winRate)),
                h('td', {}, healthBar(p.healthScore)))) : [emptyRow(7, 'No partner has won a deal yet.')]));
        }

        function renderAtRisk(list, total) {
            const shown = list.slice(0, AT_RISK_SHOWN);
            riskBody.replaceChildren(...(shown.length ? shown.map(p => h('tr', {},
                h('th', {scope: 'row'}, partnerLink(p)),
                h('td', {}, healthBar(p.healthScore)),
                h('td', {}, day(p.lastCheckInOn)),
                h('td', {}, badge(p.status, 'Status')),
                h('td', {}, badge(p.tier, 'Tier')),
                h('td', {class: 'num'}, money(p.pipeline)))) : [emptyRow(6, 'No partner is at risk.')]));
            riskMore.replaceChildren(total > shown.length
                ? h('a', {href: '#/partners?atRisk=true'}, 'All ' + integer.format(total) + ' partners at risk')
                : '');
        }

        function load() {
            lastReplayCheck = Date.now();
            return api('api/dashboard').then(({body, warning}) => {
                if (!isCurrent()) {
                    return;
                }
                replaying = !!warning && warning.includes('replaying');
                replayNotice.hidden = !replaying;
                render(body);
            });
        }

        function connect() {
            if (!window.EventSource) {
                setLive('offline', 'Live updates unavailable');
                return;
            }
            source = new EventSource('api/dashboard/stream');
            source.addEventListener('open', () => {
                backoff = 1000;
                setLive('live', 'Live');
            });
            source.addEventListener('replaying', event => {
                if (isCurrent()) {
                    replaying = event.data === 'true';
                    replayNotice.hidden = !replaying;
                }
            });
            source.addEventListener('dashboard', event => {
                if (!isCurrent()) {
                    return;
                }
                setLive('live', 'Live');
                render(JSON.parse(event.data));
                if (replaying && Date.now() - lastReplayCheck > 5000) {
                    load().catch(() => {}); // only the GET says whether the rebuild is over
                }
            });
            source.addEventListener('error', () => {
                if (source.readyState === EventSource.CLOSED) {
                    // the browser gave up (an error answer): try again ourselves, more slowly each time
                    setLive('offline', 'Offline, retrying');
                    source.close();
                    retryTimer = setTimeout(connect, backoff);
                    backoff = Math.min(backoff * 2, 30000);
                } else {
                    setLive('reconnecting', 'Reconnecting…');
                }
            });
        }

        load().catch(e => isCurrent() && showProblem(e, 'Dashboard'));
        connect();

        return {
            kind: 'portfolio',
            leave() {
                clearTimeout(retryTimer);
                if (source) {
                    source.close();
                }
                destroyFigures(Object.values(figures));
            }
        };
    }

    // ---------------------------------------------------------------- partner list

    function hashFor(path, params) {
        const query = params.toString();
        return '#' + path + (query ? '?' + query : '');
    }

    function select(name, label, values, emptyLabel, labels) {
        const id = 'f-' + name;
        return h('div', {class: 'field'},
            h('label', {for: id}, label),
            h('select', {id, name},
                h('option', {value: ''}, emptyLabel),
                values.map((v, i) => h('option', {value: v}, labels ? labels[i] : human(v)))));
    }

    function filterForm(onFilter) {
        const regions = h('datalist', {id: 'region-options'});
        const form = h('form', {id: 'partner-filters', class: 'filters', role: 'search', 'aria-label': 'Partners'},
            h('div', {class: 'field'},
                h('label', {for: 'f-q'}, 'Name contains'),
                h('input', {id: 'f-q', name: 'q', type: 'search', maxlength: 200, autocomplete: 'off'})),
            select('status', 'Status', STATUSES, 'Any status'),
            select('tier', 'Tier', TIERS, 'Any tier'),
            select('type', 'Type', TYPES, 'Any type'),
            h('div', {class: 'field'},
                h('label', {for: 'f-region'}, 'Region'),
                h('input', {id: 'f-region', name: 'region', maxlength: 2, pattern: '[A-Za-z]{2}', list: regions.id,
                    autocomplete: 'off', 'aria-describedby': 'f-region-hint', autocapitalize: 'characters'}),
                h('span', {id: 'f-region-hint', class: 'visually-hidden'}, 'two-letter country code, such as DE')),
            regions,
            select('atRisk', 'At risk', ['true', 'false'], 'Any', ['At risk', 'Not at risk']),
            h('div', {class: 'actions'},
                h('button', {type: 'submit', class: 'button'}, 'Apply filters'),
                h('a', {href: '#/partners', class: 'button secondary'}, 'Clear')));
        form.addEventListener('submit', event => {
            event.preventDefault();
            const params = new URLSearchParams();
            for (const name of LIST_FILTERS) {
                const value = form.elements[name].value.trim();
                if (value) {
                    params.set(name, name === 'region' ? value.toUpperCase() : value);
                }
            }
            onFilter(params);
        });
        // regions offered are the ones partners are in; the list works without them
        api('api/dashboard').then(({body}) => {
            const byRegion = (body.partners && body.partners.byRegion) || {};
            regions.replaceChildren(...Object.keys(byRegion).map(r => h('option', {value: r})));
        }).catch(() => {});
        return form;
    }

    function fillForm(form, params) {
        for (const name of LIST_FILTERS) {
            form.elements[name].value = params.get(name) || '';
        }
    }

    function navigate(hash) {
        if (location.hash === hash) {
            route(); // the same address again: load it again
        } else {
            location.hash = hash;
        }
    }

    function partnerList(params, isCurrent) {
        setTitle('Partners');
        let state = params;
        let request = 0;
        const form = filterForm(filters => {
            const sort = state.get('sort');
            if (sort) {
                filters.set('sort', sort);
            }
            navigate(hashFor('/partners', filters));
        });
        const resultCount = h('p', {id: 'result-count', role: 'status'}, 'Loading…');
        const columns = [
            {label: 'Name', sort: 'name'}, {label: 'Type', sort: 'type'}, {label: 'Region', sort: 'region'},
            {label: 'Status', sort: 'status'}, {label: 'Tier', sort: 'tier'}, {label: 'Pipeline', num: true},
            {label: 'Won revenue', num: true}, {label: 'Win rate', num: true}, {label: 'Health'},
            {label: 'At risk'}, {label: 'Last check-in', sort: 'lastCheckInOn'}];
        const headCells = columns.map(c => h('th', {scope: 'col', class: c.num ? 'num' : null},
            c.sort ? h('button', {type: 'button', class: 'sort', onclick: () => sortBy(c.sort)}, c.label) : c.label));
        const tbody = h('tbody');
        const pager = h('nav', {class: 'pager', 'aria-label': 'Pages of partners'});

        show(
            h('h1', {tabindex: -1}, 'Partners'),
            h('section', {'aria-labelledby': 'filters-heading'},
                h('h2', {id: 'filters-heading', class: 'visually-hidden'}, 'Filters'), form),
            h('section', {'aria-labelledby': 'results-heading'},
                h('div', {class: 'results-head'}, h('h2', {id: 'results-heading'}, 'Results'), resultCount),
                tableScroll('Partners', h('table', {id: 'partners-table'},
                    h('caption', {class: 'visually-hidden'}, 'Partners; column buttons sort'),
                    h('thead', {}, h('tr', {}, headCells)), tbody)),
                pager));

        function sortBy(field) {
            const [current, direction] = (state.get('sort') || 'name,asc').split(',');
            const next = new URLSearchParams(state);
            next.set('sort', field + ',' + (current === field && direction === 'asc' ? 'desc' : 'asc'));
            next.delete('page');
            navigate(hashFor('/partners', next));
        }

        function load(p) {
            state = p;
            fillForm(form, p);
            const [sortField, sortDirection] = (p.get('sort') || 'name,asc').split(',');
            headCells.forEach((cell, i) => {
                const sorted = columns[i].sort === sortField;
                cell.setAttribute('aria-sort', sorted ? (sortDirection === 'desc' ? 'descending' : 'ascending')
                    : 'none');
                if (!columns[i].sort) {
                    cell.removeAttribute('aria-sort');
                }
            });
            const query = new URLSearchParams();
            for (const name of [...LIST_FILTERS, 'sort', 'page']) {
                if (p.get(name)) {
                    query.set(name, p.get(name));
                }
            }
            query.set('size', p.get('size') || String(PAGE_SIZE));
            const mine = ++request;
            resultCount.textContent = 'Loading…';
            api('api/partners?' + query).then(({body}) => {
                if (isCurrent() && mine === request) {
                    renderResults(body, p);
                }
            }).catch(e => {
                if (isCurrent() && mine === request) {
                    showProblem(e, 'Partners');
                    resultCount.textContent = 'The partners could not be loaded.';
                    tbody.replaceChildren();
                    pager.replaceChildren();
                }
            });
        }

        function renderResults(page, p) {
            const items = page.items || [];
            const first = page.page * page.size;
            resultCount.textContent = page.total === 0 ? 'No partners match.'
                : 'Showing ' + integer.format(first + 1) + '–' + integer.format(first + items.length) + ' of '
                  + count(page.total, 'partner', 'partners');
            tbody.replaceChildren(...(items.length ? items.map(partner => h('tr', {dataset: {id: partner.id}},
                h('th', {scope: 'row'}, partnerLink(partner)),
                h('td', {}, human(partner.type)),
                h('td', {}, partner.region || '—'),
                h('td', {}, badge(partner.status)),
                h('td', {}, badge(partner.tier)),
                h('td', {class: 'num'}, money(partner.pipeline)),
                h('td', {class: 'num'}, money(partner.wonRevenue)),
                h('td', {class: 'num'}, percent(partner.winRate)),
                h('td', {}, healthBar(partner.healthScore)),
                h('td', {}, partner.atRisk ? h('span', {class: 'badge risk'}, 'At risk') : 'No'),
                h('td', {}, day(partner.lastCheckInOn)))) : [emptyRow(columns.length, 'No partners match.')]));
            const pages = Math.max(1, Math.ceil(page.total / page.size));
            pager.replaceChildren(
                pageLink(p, page.page - 1, page.page > 0, 'Previous page'),
                h('p', {}, 'Page ' + integer.format(page.page + 1) + ' of ' + integer.format(pages)),
                pageLink(p, page.page + 1, page.page + 1 < pages, 'Next page'));
            bumpUpdated();
        }

        function pageLink(p, target, enabled, label) {
            const next = new URLSearchParams(p);
            next.set('page', String(target));
            return enabled
                ? h('a', {class: 'button secondary', href: hashFor('/partners', next)}, label)
                : h('a', {class: 'button secondary', 'aria-disabled': 'true', role: 'link'}, label);
        }

        load(params);
        return {kind: 'partners', update: load};
    }

    // ---------------------------------------------------------------- partner page

    function partnerPage(id, params, isCurrent) {
        setTitle('Partner');
        show(h('h1', {tabindex: -1}, 'Partner'), h('p', {class: 'loading'}, 'Loading…'));
        const dealsBody = h('tbody');
        const dealsCount = h('p', {id: 'deals-count', role: 'status'});
        const dealsPager = h('nav', {class: 'pager', 'aria-label': 'Pages of deals'});
        const figure = chartFigure('partner-pipeline-chart', 'Pipeline by stage',
            [{label: 'Stage'}, {label: 'Pipeline', num: true}], true);
        let currency = 'USD';
        let dealsRequest = 0;
        let history = null;
        const path = 'api/partners/' + encodeURIComponent(id);

        api(path).then(({body}) => {
            if (isCurrent()) {
                renderPartner(body);
                loadDeals(params);
            }
        }).catch(e => {
            if (isCurrent()) {
                show(h('h1', {tabindex: -1}, e.status === 404 ? 'Partner not found' : 'Partner'),
                    h('p', {}, h('a', {href: '#/partners'}, 'Back to the partners')));
                showProblem(e, 'Partner');
            }
        });

        function renderPartner(p) {
            setTitle(p.name);
            currency = (p.pipeline && p.pipeline.currency) || currency;
            const tiles = [
                tile('partner-health', 'Health score'),
                tile('partner-pipeline', 'Pipeline'),
                tile('partner-won-revenue', 'Won revenue'),
                tile('partner-win-rate', 'Win rate'),
                tile('partner-days-since-check-in', 'Days since check-in')
            ];
            setTile(tiles[0], p.healthScore === undefined || p.healthScore === null ? 'n/a' : String(p.healthScore),
                p.healthScore, p.atRisk ? 'at risk' : 'out of 100');
            setTile(tiles[1], money(p.pipeline), p.pipeline && p.pipeline.amount,
                count(p.openDeals, 'open deal', 'open deals'));
            setTile(tiles[2], money(p.wonRevenue), p.wonRevenue && p.wonRevenue.amount,
                count(p.dealsWon, 'deal won', 'deals won'));
            setTile(tiles[3], percent(p.winRate), p.winRate,
                integer.format(p.dealsWon || 0) + ' won, ' + integer.format(p.dealsLost || 0) + ' lost');
            const days = p.daysSinceCheckIn;
            setTile(tiles[4], days === null || days === undefined ? 'none yet' : integer.format(days), days,
                p.lastCheckInOn ? ['last on ', day(p.lastCheckInOn)] : 'no check-in recorded');

            const hadFocus = document.activeElement && document.activeElement.tagName === 'H1';
            history = historySection(id, p, isCurrent);
            show(
                h('p', {class: 'meta'}, h('a', {href: '#/partners'}, 'Partners'), ' / ', p.name),
                h('h1', {tabindex: -1, id: 'partner-name'}, p.name),
                h('ul', {class: 'badges', 'aria-label': 'Status'},
                    h('li', {}, badge(p.status, 'Status')), h('li', {}, badge(p.tier, 'Tier')),
                    h('li', {}, badge(p.type, 'Type')),
                    p.atRisk ? h('li', {}, h('span', {class: 'badge risk'}, 'At risk')) : null),
                p.statusReason ? h('p', {class: 'notice'}, human(p.status) + ': ' + p.statusReason) : null,
                h('section', {'aria-labelledby': 'partner-kpi-heading'},
                    h('h2', {id: 'partner-kpi-heading', class: 'visually-hidden'}, 'Key figures'),
                    h('dl', {class: 'tiles'}, tiles.map(t => t.root))),
                h('section', {'aria-labelledby': 'profile-heading'},
                    h('h2', {id: 'profile-heading'}, 'Profile'),
                    h('div', {class: 'profile'}, profilePanel(p), onboardingPanel(p), h('div', {}, figure.figure))),
                goalsSection(p),
                checkInsSection(p),
                h('section', {'aria-labelledby': 'deals-heading'},
                    h('div', {class: 'results-head'}, h('h2', {id: 'deals-heading'}, 'Deals'), dealsCount),
                    tableScroll('Deals', h('table', {id: 'deals'}, headRow(DEAL_COLUMNS), dealsBody)),
                    dealsPager),
                history.root);
            const byStage = p.pipelineByStage || {};
            const values = STAGES.map(s => amountOf(byStage[s]));
            updateFigure(figure, STAGES.map(human), [values], STAGES.map(s => [human(s), money(byStage[s])]),
                values.filter(v => v > 0).length, STAGES.map(s => human(s) + ' ' + money(byStage[s])).join('; '),
                canvas => moneyBarChart(canvas, 'Pipeline', () => currency, COLORS.stages));
            if (hadFocus) {
                main.querySelector('h1').focus(); // the loading heading had it
            }
            bumpUpdated();
        }

        function loadDeals(p) {
            const page = Math.max(0, parseInt(p.get('dealsPage') || '0', 10) || 0);
            const mine = ++dealsRequest;
            api(path + '/deals?size=' + DEALS_PAGE_SIZE + '&page=' + page).then(({body}) => {
                if (isCurrent() && mine === dealsRequest) {
                    renderDeals(body);
                }
            }).catch(e => {
                if (isCurrent() && mine === dealsRequest) {
                    dealsCount.textContent = 'The deals could not be loaded.';
                    showProblem(e, 'Deals');
                }
            });
        }

        function renderDeals(page) {
            const items = page.items || [];
            dealsCount.textContent = count(page.total, 'deal', 'deals');
            dealsBody.replaceChildren(...(items.length ? items.map(deal => h('tr', {dataset: {id: deal.id}},
                h('th', {scope: 'row'}, deal.customer ? deal.customer.name : '—',
                    deal.customer && deal.customer.domain ? h('span', {class: 'meta'}, ' ' + deal.customer.domain)
                        : null),
                h('td', {}, deal.product || '—'),
                h('td', {class: 'num'}, money(deal.amount, 'exact')),
                h('td', {}, badge(deal.status, 'Status')),
                h('td', {}, deal.stage ? human(deal.stage) : '—'),
                h('td', {}, day(deal.expectedCloseDate)),
                h('td', {}, outcome(deal)),
                h('td', {}, day(deal.recordedAt)))) : [emptyRow(DEAL_COLUMNS.length, 'No deals registered.')]));
            const pages = Math.max(1, Math.ceil(page.total / page.size));
            const link = (target, enabled, label) => enabled
                ? h('a', {class: 'button secondary',
                    href: '#/partners/' + encodeURIComponent(id) + '?dealsPage=' + target}, label)
                : h('a', {class: 'button secondary', 'aria-disabled': 'true', role: 'link'}, label);
            dealsPager.replaceChildren(...(pages > 1 ? [
                link(page.page - 1, page.page > 0, 'Previous deals'),
                h('p', {}, 'Page ' + integer.format(page.page + 1) + ' of ' + integer.format(pages)),
                link(page.page + 1, page.page + 1 < pages, 'More deals')] : []));
            bumpUpdated();
        }

        return {
            kind: 'partner',
            key: id,
            update: loadDeals,
            leave() {
                destroyFigures([figure]);
                if (history) {
                    history.leave();
                }
            }
        };
    }

    const DEAL_COLUMNS = [{label: 'Customer'}, {label: 'Product'}, {label: 'Amount', num: true}, {label: 'Status'},
        {label: 'Stage'}, {label: 'Expected close'}, {label: 'Outcome or protection'}, {label: 'Recorded'}];

    function outcome(deal) {
        if (deal.closedOn) {
            return [deal.wonAmount ? 'won ' + money(deal.wonAmount, 'exact') + ' on ' : 'closed ', day(deal.closedOn)];
        }
        if (deal.protectedUntil && deal.status === 'APPROVED') {
            return ['protected until ', day(deal.protectedUntil)];
        }
        return deal.statusReason || '—';
    }

    function profilePanel(p) {
        const contact = p.contact || {};
        const facts = [
            ['Contact', contact.name || '—'],
            ['Email', contact.email ? h('a', {href: 'mailto:' + contact.email}, contact.email) : '—'],
            ['Phone', contact.phone ? h('a', {href: 'tel:' + contact.phone.replace(/[^+\d]/g, '')}, contact.phone)
                : '—'],
            ['Website', /^https?:\/\//i.test(p.website || '') ? h('a', {href: p.website, rel: 'noopener'}, p.website)
                : p.website || '—'],
            ['Type', human(p.type)],
            ['Region', p.region || '—'],
            ['Onboarded', day(p.onboardedAt)],
            ['Activated', day(p.activatedAt)],
            ['Check-ins', integer.format(p.checkIns || 0)]
        ];
        return h('div', {class: 'panel'}, h('h3', {}, 'Contact and profile'),
            h('dl', {class: 'facts'}, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
    }

    function onboardingPanel(p) {
        const done = new Set((p.onboarding && p.onboarding.done) || []);
        return h('div', {class: 'panel'}, h('h3', {}, 'Onboarding'),
            h('ul', {class: 'checklist', id: 'onboarding'}, STEPS.map(step => {
                const isDone = done.has(step);
                return h('li', {class: isDone ? 'done' : 'missing', dataset: {step}},
                    h('span', {class: 'mark', 'aria-hidden': 'true'}, isDone ? '✓' : '✗'),
                    h('span', {}, human(step), ' ', h('em', {}, isDone ? '(done)' : '(missing)')));
            })));
    }

    function goalsSection(p) {
        const goals = (p.goals || []).slice().sort((a, b) => (a.period < b.period ? 1 : -1));
        const columns = [{label: 'Quarter'}, {label: 'Revenue target', num: true}, {label: 'Won revenue', num: true},
            {label: 'Attainment'}, {label: 'Deal target', num: true}, {label: 'Deals won', num: true}];
        return h('section', {'aria-labelledby': 'goals-heading'},
            h('h2', {id: 'goals-heading'}, 'Goals and attainment'),
            tableScroll('Goals', h('table', {id: 'goals'}, headRow(columns), h('tbody', {},
                goals.length ? goals.map(g => h('tr', {},
                    h('th', {scope: 'row'}, g.period),
                    h('td', {class: 'num'}, money(g.revenueTarget)),
                    h('td', {class: 'num'}, money(g.wonRevenue)),
                    h('td', {}, attainmentBar(g.attainment)),
                    h('td', {class: 'num'}, g.dealTarget === null || g.dealTarget === undefined ? '—'
                        : integer.format(g.dealTarget)),
                    h('td', {class: 'num'}, integer.format(g.dealsWon || 0))))
                    : emptyRow(columns.length, 'No goals set.')))));
    }

    function checkInsSection(p) {
        const checkIns = p.recentCheckIns || [];
        return h('section', {'aria-labelledby': 'checkins-heading'},
            h('h2', {id: 'checkins-heading'}, 'Recent check-ins'),
            checkIns.length
                ? h('ol', {class: 'checkins', id: 'checkins'}, checkIns.map(c => h('li', {}, h('article', {},
                    h('h3', {}, day(c.occurredOn), c.sentiment ? badge(c.sentiment, 'Sentiment') : null),
                    h('p', {}, c.summary || ''),
                    c.attendees && c.attendees.length ? h('p', {class: 'meta'}, 'With ' + c.attendees.join(', '))
                        : null,
                    c.nextSteps && c.nextSteps.length
                        ? [h('p', {}, 'Next steps:'), h('ul', {}, c.nextSteps.map(s => h('li', {}, s)))] : null))))
                : h('p', {class: 'empty'}, 'No check-ins yet.'),
            (p.checkIns || 0) > checkIns.length
                ? h('p', {class: 'meta'}, 'The latest ' + checkIns.length + ' of ' + integer.format(p.checkIns)
                    + ' check-ins.') : null);
    }

    // ---------------------------------------------------------------- partner history (audit)

    const HISTORY_COLUMNS = [{label: 'When'}, {label: 'What'}, {label: 'Stream'}, {label: 'Who'}, {label: 'Hash'}];
    /** A partner the audit log has not recorded yet (it follows the store within a second) is asked for again. */
    const HISTORY_ATTEMPTS = 10;

    /**
     * The partner's audit history, newest first, with its verification, its downloads and its state as of an
     * instant. The API's pages (oldest first) are shown last page first, each read backwards: a page keeps its
     * events while the history grows, at the price of a newest page that may hold fewer than a full page.
     */
    function historySection(id, partner, isCurrent) {
        const path = 'api/partners/' + encodeURIComponent(id);
        const tbody = h('tbody');
        const status = h('p', {id: 'history-count', role: 'status'}, 'Loading the history…');
        const newer = h('button', {type: 'button', class: 'button secondary', id: 'history-newer',
            onclick: () => turn(1)}, 'Newer events');
        const older = h('button', {type: 'button', class: 'button secondary', id: 'history-older',
            onclick: () => turn(-1)}, 'Older events');
        const pageText = h('p');
        // the buttons stay in place from page to page, so that the one just pressed keeps the focus
        const pager = h('nav', {class: 'pager', 'aria-label': 'Pages of history', hidden: true}, newer, pageText,
            older);
        let shown = null;
        let request = 0;
        let retry = null;
        let left = false;
        const alive = () => !left && isCurrent();

        function load(apiPage, attempt) {
            clearTimeout(retry);
            const mine = ++request;
            const fetchPage = n => api(path + '/history?size=' + HISTORY_PAGE_SIZE + '&page=' + n).then(r => r.body);
            const answer = apiPage === null
                ? fetchPage(0).then(first => (lastPage(first) > 0 ? fetchPage(lastPage(first)) : first))
                : fetchPage(apiPage);
            answer.then(page => {
                if (alive() && mine === request) {
                    render(page);
                }
            }).catch(e => {
                if (!alive() || mine !== request) {
                    return;
                }
                if (e.status === 404 && attempt < HISTORY_ATTEMPTS) {
                    status.textContent = 'The history is being recorded…';
                    retry = setTimeout(() => load(apiPage, attempt + 1), 1000);
                    return;
                }
                status.textContent = 'The history could not be loaded.';
                showProblem(e, 'History');
            });
        }

        function render(page) {
            shown = page;
            const items = (page.items || []).slice().reverse();
            const last = lastPage(page);
            const oldest = page.page * page.size + 1;
            status.textContent = page.total === 0 ? 'No events recorded.'
                : items.length === 0 ? 'No events on this page.'
                    : 'Events ' + integer.format(oldest + items.length - 1) + '–' + integer.format(oldest) + ' of '
                      + integer.format(page.total) + ', newest first';
            tbody.replaceChildren(...(items.length ? items.map(historyRow)
                : [emptyRow(HISTORY_COLUMNS.length, 'No events recorded.')]));
            pager.hidden = last === 0;
            enable(newer, page.page < last);
            enable(older, page.page > 0);
            pageText.textContent = 'Page ' + integer.format(last - page.page + 1) + ' of ' + integer.format(last + 1);
            bumpUpdated();
        }

        function turn(direction) {
            if (shown && shown.page + direction >= 0 && shown.page + direction <= lastPage(shown)) {
                load(shown.page + direction, 0);
            }
        }

        // ------------------------------------------------ verification and downloads

        const verdict = h('p', {id: 'verify-result', class: 'verdict', role: 'status', 'aria-live': 'polite'});
        const verifyButton = h('button', {type: 'button', class: 'button', id: 'verify-history', onclick: verify},
            'Verify history');
        let verifying = false;

        function verify() {
            if (verifying) {
                return;
            }
            verifying = true;
            enable(verifyButton, false);
            setVerdict('checking', 'Verifying…');
            api('api/audit/verify?partnerId=' + encodeURIComponent(id)).then(({body}) => {
                if (alive()) {
                    setVerdict(body.verified ? 'verified' : 'altered', verdictText(body));
                }
            }).catch(e => {
                if (alive()) {
                    // a partner user may read its history but not verify it
                    setVerdict('error', e.status === 403 ? 'Verifying the history is for auditors and administrators.'
                        : 'Not verified: ' + e.message);
                }
            }).finally(() => {
                verifying = false;
                enable(verifyButton, true);
            });
        }

        function setVerdict(state, text) {
            verdict.dataset.state = state;
            verdict.textContent = text;
        }

        const download = (format, label) => h('a', {class: 'button secondary', id: 'export-' + format, download: true,
            href: 'api/audit/export?partnerId=' + encodeURIComponent(id) + '&format=' + format}, label);

        // ------------------------------------------------ state as of an instant

        const asOfInput = h('input', {id: 'as-of-input', name: 'asOf', type: 'datetime-local', step: 1,
            max: localDateTime(new Date()), 'aria-describedby': 'as-of-hint'});
        const asOfResult = h('div', {id: 'as-of-result', 'aria-live': 'polite'});
        // novalidate: the server says what is wrong with an instant (the future, before the onboarding)
        const asOfForm = h('form', {id: 'as-of-form', class: 'as-of-form', novalidate: true},
            h('div', {class: 'field'},
                h('label', {for: asOfInput.id}, 'Date and time'),
                h('span', {id: 'as-of-hint', class: 'meta'}, 'In your time zone, to the second'),
                asOfInput),
            h('button', {type: 'submit', class: 'button'}, 'Show the state then'));
        let asOfRequest = 0;
        asOfForm.addEventListener('submit', event => {
            event.preventDefault();
            const chosen = asOfInput.value ? new Date(asOfInput.value) : null; // local time, as the input shows it
            if (!chosen || isNaN(chosen)) {
                asOfResult.replaceChildren(h('p', {class: 'notice', id: 'as-of-message'}, 'Choose a date and time.'));
                return;
            }
            const iso = chosen.toISOString();
            const mine = ++asOfRequest;
            asOfResult.replaceChildren(h('p', {class: 'loading'}, 'Loading the state as of ', instant(iso), '…'));
            api(path + '/state?asOf=' + encodeURIComponent(iso)).then(({body, warning}) => {
                if (alive() && mine === asOfRequest) {
                    asOfResult.replaceChildren(...asOfState(iso, body, partner, warning));
                }
            }).catch(e => {
                if (!alive() || mine !== asOfRequest) {
                    return;
                }
                // an instant before onboarding, or ahead; or a role that may not ask (a partner user)
                const expected = e.status === 400 || e.status === 404 || e.status === 403;
                asOfResult.replaceChildren(h('p', {class: 'notice', id: 'as-of-message', dataset: {status: e.status}},
                    e.status === 403 ? 'The state as of an instant is for auditors and administrators.'
                        : expected ? e.message : 'The state could not be loaded.'));
                if (!expected) {
                    showProblem(e, 'State as of');
                }
            });
        });

        const root = h('section', {'aria-labelledby': 'history-heading', class: 'history'},
            h('h2', {id: 'history-heading'}, 'History'),
            h('p', {class: 'meta'}, 'Every event of this partner and its deals as the audit log recorded it; each '
                + 'entry\'s hash chains it to the one before it in its stream.'),
            h('div', {class: 'audit-panels'},
                h('div', {class: 'panel'},
                    h('h3', {}, 'Integrity'),
                    h('div', {class: 'actions'}, verifyButton),
                    verdict,
                    h('p', {class: 'downloads'}, download('jsonl', 'Download history (JSONL)'),
                        download('csv', 'Download history (CSV)'))),
                h('div', {class: 'panel'},
                    h('h3', {}, 'The partner as of an instant'),
                    asOfForm,
                    asOfResult)),
            h('div', {class: 'results-head'}, h('h3', {}, 'Events'), status),
            tableScroll('History', h('table', {id: 'history'},
                h('caption', {class: 'visually-hidden'},
                    'Events of the partner and its deals, newest first; each opens to its payload'),
                headRow(HISTORY_COLUMNS), tbody)),
            pager);
        load(null, 0);
        return {
            root,
            leave() {
                left = true;
                clearTimeout(retry);
            }
        };
    }

    const lastPage = page => Math.max(0, Math.ceil((page.total || 0) / page.size) - 1);

    /** A button that cannot be used now keeps its place and its focus (aria-disabled, not disabled). */
    function enable(button, enabled) {
        if (enabled) {
            button.removeAttribute('aria-disabled');
        } else {
            button.setAttribute('aria-disabled', 'true');
        }
    }

    /** A date's local time as a datetime-local input holds it, to the second. */
    function localDateTime(date) {
        const pad = n => String(n).padStart(2, '0');
        return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + 'T'
            + pad(date.getHours()) + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds());
    }

    function historyRow(entry) {
        const hash = entry.hash || '';
        const stream = entry.aggregateType === 'Deal'
            ? h('span', {title: entry.aggregateId}, 'Deal ', h('code', {}, (entry.aggregateId || '').slice(0, 8)))
            : entry.aggregateType || '—';
        const facts = [
            ['Correlation id', h('code', {}, entry.correlationId || '—')],
            ['Causation id', h('code', {}, entry.causationId || '—')],
            ['Stream', [entry.aggregateType, ' ', h('code', {}, entry.aggregateId), ', sequence ', entry.sequence]],
            ['Position', String(entry.position)],
            ['Recorded', instant(entry.recordedAt)],
            ['Revision', entry.revision || '—']
        ];
        return h('tr', {dataset: {type: entry.type, position: entry.position}},
            h('th', {scope: 'row'}, instant(entry.occurredAt)),
            h('td', {class: 'event'}, h('details', {},
                h('summary', {}, entry.type),
                h('dl', {class: 'facts'}, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
                h('p', {class: 'meta'}, 'Payload as stored:'),
                h('pre', {class: 'payload'}, JSON.stringify(entry.payload, null, 2)))),
            h('td', {class: 'stream'}, stream),
            h('td', {class: 'actor'}, entry.actor || '—'),
            h('td', {}, h('code', {class: 'hash', title: hash, dataset: {hash}}, hash.slice(0, 12))));
    }

    function verdictText(result) {
        if (result.verified) {
            const pending = result.eventsNotYetRecorded || 0;
            return 'Verified: ' + count(result.eventsChecked, 'event', 'events') + ' in '
                + count(result.streamsChecked, 'stream', 'streams')
                + (pending ? '; ' + count(pending, 'newer event', 'newer events') + ' not recorded yet' : '');
        }
        const first = result.firstMismatch || {};
        return 'Altered: stream ' + [first.aggregateType, first.aggregateId].filter(Boolean).join(' ')
            + ', sequence ' + first.sequence
            + (result.streamsFailed > 1 ? ' (' + count(result.streamsFailed, 'stream', 'streams') + ' altered)' : '');
    }

    const AS_OF_FIGURES = [
        {key: 'status', label: 'Status', raw: p => p.status, shown: p => badge(p.status, 'Status')},
        {key: 'tier', label: 'Tier', raw: p => p.tier, shown: p => badge(p.tier, 'Tier')},
        {key: 'pipeline', label: 'Pipeline', raw: p => p.pipeline && p.pipeline.amount, shown: p => money(p.pipeline)},
        {key: 'won-revenue', label: 'Won revenue', raw: p => p.wonRevenue && p.wonRevenue.amount,
            shown: p => money(p.wonRevenue)},
        {key: 'health', label: 'Health score', raw: p => p.healthScore,
            shown: p => (p.healthScore === null || p.healthScore === undefined ? 'n/a' : String(p.healthScore))},
        {key: 'version', label: 'Version', raw: p => p.version, shown: p => integer.format(p.version || 0)}
    ];

    /** The key figures of the partner as of an instant beside the ones shown now. */
    function asOfState(iso, then, now, warning) {
        const value = raw => (raw === null || raw === undefined ? '' : String(raw));
        return [
            warning ? h('p', {class: 'notice'}, 'The audit log was still catching up: the latest events may be '
                + 'missing from this state.') : null,
            tableScroll('The partner then and now', h('table', {id: 'as-of-state'},
                h('caption', {}, 'As of ', instant(iso)),
                h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Figure'), h('th', {scope: 'col'}, 'Then'),
                    h('th', {scope: 'col'}, 'Now'))),
                h('tbody', {}, AS_OF_FIGURES.map(f => h('tr', {},
                    h('th', {scope: 'row'}, f.label),
                    h('td', {id: 'as-of-' + f.key, dataset: {value: value(f.raw(then))}}, f.shown(then)),
                    h('td', {dataset: {value: value(f.raw(now))}}, f.shown(now)))))))
        ].filter(Boolean);
    }

    // ---------------------------------------------------------------- routing

    let current = null;
    let routeToken = 0;
    let firstRoute = true;

    function parseRoute() {
        const raw = location.hash.replace(/^#/, '') || '/';
        if (!raw.startsWith('/')) {
            return null; // an in-page anchor, not a route
        }
        const q = raw.indexOf('?');
        return {path: q < 0 ? raw : raw.slice(0, q), params: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1))};
    }

    function route() {
        const r = parseRoute();
        if (!r) {
            return;
        }
        const partnerMatch = r.path.match(/^\/partners\/([^/]+)$/);
        const kind = r.path === '/' ? 'portfolio' : r.path === '/partners' ? 'partners' : partnerMatch ? 'partner'
            : 'unknown';
        const key = partnerMatch ? decodeURIComponent(partnerMatch[1]) : undefined;
        markNav(kind);
        if (current && current.kind === kind && current.key === key && current.update) {
            current.update(r.params); // same page, other filters or page: keep the form and focus
            return;
        }
        if (current && current.leave) {
            current.leave();
        }
        alerts.replaceChildren();
        const token = ++routeToken;
        const isCurrent = () => token === routeToken;
        if (kind === 'portfolio') {
            current = portfolio(isCurrent);
        } else if (kind === 'partners') {
            current = partnerList(r.params, isCurrent);
        } else if (kind === 'partner') {
            current = partnerPage(key, r.params, isCurrent);
        } else {
            setTitle('Not found');
            show(h('h1', {tabindex: -1}, 'Page not found'),
                h('p', {}, 'There is no page at this address. ', h('a', {href: '#/'}, 'Go to the portfolio')));
            current = {kind};
        }
        if (!firstRoute) {
            const heading = main.querySelector('h1');
            if (heading) {
                heading.focus();
            }
        }
        firstRoute = false;
    }

    function markNav(kind) {
        document.querySelectorAll('[data-nav]').forEach(link => {
            const active = link.dataset.nav === kind || (kind === 'partner' && link.dataset.nav === 'partners');
            if (active) {
                link.setAttribute('aria-current', 'page');
            } else {
                link.removeAttribute('aria-current');
            }
        });
        setMenu(false);
    }

    const nav = document.getElementById('site-nav');
    const toggle = document.querySelector('.nav-toggle');

    function setMenu(open) {
        nav.classList.toggle('open', open);
        toggle.setAttribute('aria-expanded', String(open));
    }

    toggle.addEventListener('click', () => setMenu(!nav.classList.contains('open')));
    document.querySelector('.skip-link').addEventListener('click', event => {
        event.preventDefault(); // the hash is the route: focus the content without changing it
        main.focus();
    });
    window.addEventListener('hashchange', route);
    route();
})();
