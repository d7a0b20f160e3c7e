/// The console's mustache templates, as constants so that the executable carries them (no resource bundle to
/// find at run time). `{{ }}` escapes for HTML, quotes included, so everything from the store is escaped; only
/// `{{{ body }}}` and `{{{ diagram }}}` are not, and they hold HTML these templates rendered themselves.
enum ConsoleTemplates {
    /// The one style sheet, inline so the console needs no external asset; the Content-Security-Policy allows it
    /// by its hash, and nothing else.
    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
        header{background:#1f3a5f;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.4rem;align-items:center;flex-wrap:wrap}
        header a{color:#fff;text-decoration:none}header a.here{text-decoration:underline}
        header .brand{font-weight:700}header form{margin-left:auto}header small{opacity:.8}
        main{padding:1rem 1.2rem;max-width:80rem}
        h1{font-size:1.4rem;margin:.4rem 0 1rem}h2{font-size:1.1rem;margin:1.6rem 0 .5rem}
        table{border-collapse:collapse;background:#fff;margin:.3rem 0}
        th,td{text-align:left;padding:.3rem .7rem;border-bottom:1px solid #e2e5ea;vertical-align:top}
        th{background:#eef1f5;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
        .grid{display:flex;gap:2rem;flex-wrap:wrap}.grid section{min-width:16rem}
        .bad{color:#a4161a}.warn{color:#8a5a00}.ok{color:#2b6a30}.muted{color:#6b7280}
        .tag{display:inline-block;padding:0 .4rem;border-radius:.3rem;background:#eef1f5;font-size:.85rem}
        .tag.bad{background:#fde2e1}
        ul.plain{margin:0;padding-left:1.1rem}ol.story{line-height:1.5}
        pre{background:#fff;border:1px solid #e2e5ea;padding:.5rem;max-width:60rem;white-space:pre-wrap;word-break:break-all}
        svg.journey{background:#fff;border:1px solid #e2e5ea;max-width:100%;height:auto}
        svg .node rect{fill:#fff;stroke:#8793a6;stroke-width:1.2}svg .node.has rect{fill:#dbe9ff;stroke:#1f3a5f}
        svg .node.final rect{stroke-dasharray:4 3}svg .node.final.has rect{fill:#e4f2e5;stroke:#2b6a30}
        svg .node.alert rect{fill:#fde2e1;stroke:#a4161a}
        svg .node text{font-size:13px;fill:#1d2330}svg .node text.count{font-size:18px;font-weight:700}
        svg .phase{font-size:12px;fill:#6b7280;font-weight:600}
        svg .edge{fill:none;stroke:#9aa5b5;stroke-width:1.2}svg .edge.back{stroke:#c3cad4;stroke-dasharray:4 3}svg #arrow path{fill:#9aa5b5}
        """

    static let layout = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · forloeb console</title>
        <style>{{{style}}}</style>
        </head>
        <body>
        <header>
        <span class="brand">forloeb</span>
        <a href="/"{{#overview}} class="here"{{/overview}}>Overview</a>
        <a href="/stuck"{{#stuck}} class="here"{{/stuck}}>Stuck cases</a>
        <a href="/dead-letters"{{#deadLetters}} class="here"{{/deadLetters}}>Dead letters</a>
        <form method="get" action="/case"><input name="id" placeholder="Case id" aria-label="Case id" size="16"> <button>Open</button></form>
        <small>{{store}} · {{now}}</small>
        </header>
        <main>
        {{{body}}}
        </main>
        </body>
        </html>
        """

    static let overview = """
        <h1>Overview</h1>
        <p>{{cases}} case(s). <a href="/stuck"><strong>{{stuck}} stuck case(s)</strong></a>{{#overrun}}, of which <span class="bad">{{overrun}} overrun</span>{{/overrun}}. Appeals: {{appealsOpen}} open{{#appealsOverdue}}, <span class="bad">{{appealsOverdue}} overdue</span>{{/appealsOverdue}}. Open dead letters: <a href="/dead-letters">{{deadLetters}}</a>. Outbox: {{outboxPending}} pending{{#outboxLag}} (oldest waiting {{outboxLag}} s){{/outboxLag}}.</p>
        <h2>The journey, with the cases in each state</h2>
        {{{diagram}}}
        <p class="muted">Each box is a state with its number of cases; an open state links to its stuck cases. Dashed lines lead back: a renewed referral, or a decision set aside on appeal. case.closed leads from every open state to closed and is left out of the lines.</p>
        <div class="grid">
        <section>
        <h2>Cases per state</h2>
        <table><thead><tr><th>State</th><th>Cases</th></tr></thead><tbody>
        {{#states}}<tr><td>{{state}}</td><td class="n">{{cases}}</td></tr>
        {{/states}}{{^states}}<tr><td colspan="2" class="muted">No cases.</td></tr>{{/states}}
        </tbody></table>
        </section>
        <section>
        <h2>Overdue deadlines per kind</h2>
        <table><thead><tr><th>Deadline</th><th>Overdue</th></tr></thead><tbody>
        {{#overdue}}<tr><td>{{kind}}</td><td class="n warn">{{deadlines}}</td></tr>
        {{/overdue}}{{^overdue}}<tr><td colspan="2" class="muted">None overdue.</td></tr>{{/overdue}}
        </tbody></table>
        </section>
        <section>
        <h2>Rejections per code</h2>
        <table><thead><tr><th>Code</th><th>Last day</th><th>Last week</th></tr></thead><tbody>
        {{#rejections}}<tr><td>{{code}}</td><td class="n">{{lastDay}}</td><td class="n">{{lastWeek}}</td></tr>
        {{/rejections}}{{^rejections}}<tr><td colspan="3" class="muted">No rejections in the last week.</td></tr>{{/rejections}}
        </tbody></table>
        </section>
        </div>
        """

    static let stuck = """
        <h1>Stuck cases{{#state}} in {{state}}{{/state}}</h1>
        <p>{{count}} stuck case(s) at {{now}}: overrun, with an overdue deadline, or idle longer than the policy allows.{{#state}} <a href="/stuck">All states</a>{{/state}}</p>
        {{#unreadable}}<p class="bad">Unreadable: {{.}} (forloeb rebuild recomputes it)</p>{{/unreadable}}
        {{#hasCases}}
        <table><thead><tr><th>Case</th><th>State</th><th>Why</th><th>What would move it on</th></tr></thead><tbody>
        {{#cases}}<tr>
        <td><a href="{{href}}">{{caseId}}</a></td>
        <td>{{state}}</td>
        <td><ul class="plain">
        {{#overrun}}<li class="bad">{{.}}</li>{{/overrun}}
        {{#hasOverdue}}<li class="warn">{{overdueCount}} overdue deadline(s):<ul class="plain">{{#overdue}}<li>{{kind}}: {{days}} days (due {{dueOn}})</li>{{/overdue}}</ul></li>{{/hasOverdue}}
        {{#idle}}<li>{{.}}</li>{{/idle}}
        </ul></td>
        <td>{{#wouldMoveOn}}<span class="tag">{{.}}</span> {{/wouldMoveOn}}</td>
        </tr>
        {{/cases}}
        </tbody></table>
        {{/hasCases}}
        """

    static let casePage = """
        <h1>Case {{caseId}}: {{state}}{{#overrun}} <span class="tag bad">OVERRUN</span>{{/overrun}}</h1>
        {{#overrun}}<p class="bad">The course end has passed with no next-step decision (R5): the course and the benefit continue.</p>{{/overrun}}
        <p>Municipality {{municipality}}, caseworker {{caseworker}}, course {{course}}, course end {{courseEnd}}, version {{version}}. Opened {{openedAt}}, last event {{lastEventAt}}. {{pendingNotifications}} notification(s) not yet sent.</p>
        <h2>Deadlines</h2>
        <table><thead><tr><th>Deadline</th><th>Due</th><th>From due</th></tr></thead><tbody>
        {{#deadlines}}<tr><td>{{kind}}</td><td>{{due}}</td><td class="{{class}}">{{distance}}</td></tr>
        {{/deadlines}}{{^deadlines}}<tr><td colspan="3" class="muted">No open deadlines.</td></tr>{{/deadlines}}
        </tbody></table>
        <h2>Forklaring</h2>
        <ol class="story" lang="da">
        {{#explanation}}<li>{{.}}</li>
        {{/explanation}}
        </ol>
        {{#status}}<p lang="da"><strong>Status:</strong> {{.}}</p>{{/status}}
        <h2>Timeline</h2>
        <table><thead><tr><th>#</th><th>Occurred</th><th>Event</th><th>From</th><th>To</th><th>Rules</th><th>Actor</th><th>Message</th></tr></thead><tbody>
        {{#history}}<tr><td class="n">{{position}}</td><td>{{occurredAt}}</td><td>{{type}}</td><td>{{from}}</td><td>{{to}}</td><td>{{ruleSet}}</td><td>{{actor}}</td><td>{{messageId}}</td></tr>
        {{/history}}
        </tbody></table>
        <h2>Rejections</h2>
        <table><thead><tr><th>Message</th><th>Event</th><th>Code</th><th>Rule</th><th>Attempt</th><th>Detail</th></tr></thead><tbody>
        {{#rejections}}<tr><td>{{messageId}}</td><td>{{type}}</td><td class="warn">{{code}}</td><td>{{rule}}</td><td class="n">{{attempt}}</td><td>{{detail}}</td></tr>
        {{/rejections}}{{^rejections}}<tr><td colspan="6" class="muted">No rejections.</td></tr>{{/rejections}}
        </tbody></table>
        {{#hasAppeals}}
        <h2>Appeals</h2>
        <table><thead><tr><th>Appeal of</th><th>Decision</th><th>Received</th><th>Status</th><th>Due</th><th>Reconsidered</th><th>Ruling</th><th>Reopened</th></tr></thead><tbody>
        {{#appeals}}<tr><td>{{decision}}</td><td>{{decided}}</td><td>{{receivedOn}}</td><td>{{status}}</td><td{{#overdue}} class="bad"{{/overdue}}>{{due}}</td><td>{{reconsideredOn}}</td><td>{{rulingOn}}</td><td>{{reopened}}</td></tr>
        {{/appeals}}
        </tbody></table>
        {{/hasAppeals}}
        {{#hasOutbox}}
        <h2>Notifications not yet sent</h2>
        <table><thead><tr><th>Message</th><th>Routing key</th><th>Written</th></tr></thead><tbody>
        {{#outbox}}<tr><td>{{messageId}}</td><td>{{routingKey}}</td><td>{{createdAt}}</td></tr>
        {{/outbox}}
        </tbody></table>
        {{/hasOutbox}}
        """

    static let deadLetters = """
        <h1>Dead letters</h1>
        <p>{{count}} dead letter(s), open and settled: messages tied to no case, or that the store failed on every retry. Replay or drop them with <code>forloeb dead-letters</code>.</p>
        {{#letters}}
        <h2 id="letter-{{id}}">{{id}}: {{code}}{{#resolution}} <span class="tag">{{.}}</span>{{/resolution}}{{^resolution}} <span class="tag bad">open</span>{{/resolution}}</h2>
        <p>Message {{messageId}}, received {{receivedAt}}{{#resolvedAt}}, settled {{.}}{{/resolvedAt}}. {{detail}}</p>
        <pre>{{body}}</pre>
        {{/letters}}
        """

    static let problem = """
        <h1>{{heading}}</h1>
        <p>{{message}}</p>
        <p><a href="/">Back to the overview</a></p>
        """

    /// The journey as SVG; the boxes and lines are laid out by `JourneyMap`.
    static let diagram = """
        <svg class="journey" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{width}} {{height}}" width="{{width}}" height="{{height}}" role="img" aria-label="The journey, with the number of cases in each state">
        <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>
        {{#phases}}<text class="phase" x="{{x}}" y="22">{{name}}</text>
        {{/phases}}
        {{#edges}}<path class="edge{{#back}} back{{/back}}" d="{{d}}" marker-end="url(#arrow)"><title>{{label}}</title></path>
        {{/edges}}
        {{#nodes}}<a href="{{href}}" class="node{{#has}} has{{/has}}{{#final}} final{{/final}}{{#alert}} alert{{/alert}}" id="state-{{state}}"><title>{{state}}: {{count}} case(s)</title><rect x="{{x}}" y="{{y}}" width="{{w}}" height="{{h}}" rx="8"/><text x="{{textX}}" y="{{nameY}}">{{state}}</text><text class="count" x="{{textX}}" y="{{countY}}" data-state="{{state}}">{{count}}</text></a>
        {{/nodes}}
        </svg>
        """
}
