namespace CaseFlow.Server.Reports;

/// <summary>The page's style, inline: system fonts only, readable on screen, and on paper landscape with repeated table headers.</summary>
public static class ReportStyle
{
    public const string Css =
        """
        :root{--ink:#1b2430;--muted:#5b6675;--rule:#d9dee5;--band:#f4f6f9;--accent:#0b4f8a;--accent2:#9db9d6;--up:#8a3b0b;--down:#0b6b3a}
        *{box-sizing:border-box}
        body{margin:0;background:#eef1f5;color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif}
        main{max-width:1180px;margin:0 auto;background:#fff;padding:40px 48px 56px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
        header{border-bottom:4px solid var(--accent);padding-bottom:18px;margin-bottom:22px}
        .kicker{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:12px;color:var(--accent);font-weight:600}
        h1{font-size:30px;line-height:1.2;margin:6px 0 6px}
        h2{font-size:21px;margin:34px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--rule)}
        .sub,.note{color:var(--muted);font-size:13px}
        .status{display:inline-block;margin:8px 0 0;padding:5px 12px;border-radius:4px;font-size:13px;font-weight:600}
        .status.draft{background:#fff4d6;color:#6b4d00;border:1px solid #e7c66a}
        .status.released{background:#e3f1e8;color:#124d2c;border:1px solid #98c8a9}
        .status code{font-weight:400;font-size:11px;word-break:break-all}
        nav{background:var(--band);border-radius:6px;padding:12px 20px}
        nav h2{font-size:15px;margin:0 0 4px;border:0;padding:0}
        nav ol{margin:0;padding-left:20px;columns:2}
        a{color:var(--accent)}
        .cards{display:flex;gap:16px;flex-wrap:wrap;margin:8px 0 12px}
        .card{flex:1 1 220px;border:1px solid var(--rule);border-top:4px solid var(--accent);border-radius:6px;padding:12px 16px}
        .card .label{margin:0;color:var(--muted);font-size:13px}
        .card .big{margin:2px 0;font-size:34px;font-weight:700;font-variant-numeric:tabular-nums}
        .card .note{margin:0}
        figure{margin:12px 0 18px}
        figcaption{color:var(--muted);font-size:12px}
        svg.chart{width:100%;max-width:760px;height:auto;display:block}
        svg .bar{fill:var(--accent)}
        svg .bar.before{fill:var(--accent2)}
        svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif;fill:var(--ink)}
        svg .value{font-weight:600}
        svg .legend{fill:var(--muted)}
        table{border-collapse:collapse;width:100%;margin:10px 0 8px;font-size:13px;font-variant-numeric:tabular-nums}
        .columns{display:flex;gap:28px;flex-wrap:wrap;align-items:flex-start}
        table.compact{width:auto;min-width:220px;flex:1 1 220px}
        caption{text-align:left;font-weight:600;padding:4px 0 8px;color:var(--ink)}
        th,td{padding:5px 8px;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
        thead th{background:var(--band);font-size:12px;color:var(--muted);font-weight:600;border-bottom:2px solid var(--rule)}
        tbody tr:nth-child(even){background:#fafbfc}
        .num{text-align:right;white-space:nowrap}
        td.ytd{color:var(--muted)}
        td.up{color:var(--up)}
        td.down{color:var(--down)}
        td.flat{color:#9aa3ae}
        .unit{font-weight:400}
        .wide{overflow-x:auto}
        table.figures th[scope=colgroup]{text-align:center;border-left:1px solid var(--rule)}
        .empty{color:var(--muted);font-style:italic}
        dl{margin:0}
        dt{font-weight:600;margin-top:12px}
        dd{margin:2px 0 0 0;color:#333d49;font-size:14px}
        code{font:12px ui-monospace,"DejaVu Sans Mono",monospace;background:var(--band);padding:0 3px;border-radius:3px}
        @page{size:letter landscape;margin:12mm}
        @media print{body{background:#fff;font-size:11px}main{box-shadow:none;padding:0;max-width:none}
          nav{break-after:avoid}section{break-inside:auto}h2{break-after:avoid}figure,tr,.card{break-inside:avoid}
          thead{display:table-header-group}.wide{overflow:visible}table{font-size:9.5px}th,td{padding:3px 4px}
          a{color:inherit;text-decoration:none}}
        """;
}
