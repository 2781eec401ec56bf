#!/usr/bin/env python3
"""The job `paychase report cashflow` does, with pandas and matplotlib: read the claims CSV and
the hash-chained record (every line's SHA-256 and link checked, as PayChase checks them), then
outstanding per paymaster by age, claimed and received per month for 12 months, what falls due
in the next three months, average days from due date to each recorded payment, statutory
interest on local-authority claims (8% over the Bank Rate of the reference date, to the day,
plus the fixed sum), the ten oldest debts with a next step (chase, appeal or second chase, LMC
referral: the first rungs of the ladder only); an A4 PDF with the aged-debt bar chart (greys and
hatching, a £ axis) on page 1, the months chart and the tables after it. With --csv, the same
tables as CSV instead, to compare the figures with PayChase's.

usage: cashflow_peer.py CLAIMS.csv DELIVERIES.jsonl OUT AS_OF(YYYY-MM-DD) [--csv] [--templates DIR]"""
import datetime
import hashlib
import json
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

BUCKETS = ["not yet due", "1–30 days", "31–60 days", "61–90 days", "91–180 days", "over 180 days"]
PAYMASTERS = {"icb": "NHS North East London ICB (primary care payments)", "local-authority": "London Borough of Tower Hamlets",
              "nhs-england": "NHS England"}
ORDER = ["icb", "nhs-england", "local-authority"]


def pence(column):
    text = column.str.replace("£", "", regex=False).str.replace(",", "", regex=False).str.strip().replace("", "0")
    return (pd.to_numeric(text) * 100).round().astype("int64")


def dates(column):
    """ISO 8601 or UK day-first dates, as PayChase reads them (never US order)."""
    iso = column.str.match(r"^\d{4}-")
    parsed = pd.to_datetime(column.where(iso), format="%Y-%m-%d")
    return parsed.fillna(pd.to_datetime(column.where(~iso & (column != "")), format="%d/%m/%Y"))


def uk_pounds(value, _=None):
    return f"£{value / 100:,.0f}"


def money(value):
    return f"{'-' if value < 0 else ''}£{abs(value) / 100:,.2f}"


def verified_record(path):
    """Every entry of the record, each line's hash and link to the one before checked."""
    previous, entries = "0" * 64, []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            entry = json.loads(line)
            sealed = dict(entry, entry="")
            digest = hashlib.sha256(json.dumps(sealed, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()).hexdigest()
            if entry["previous"] != previous or digest != entry["entry"]:
                sys.exit(f"{path}:{number}: the record does not verify")
            previous = entry["entry"]
            entries.append(entry)
    return entries


def bank_rates(path):
    rows = [line.split(",")[:2] for line in open(path, encoding="utf-8") if line[:1].isdigit()]
    return sorted((datetime.date.fromisoformat(day), round(float(rate) * 100)) for day, rate in rows)


def main():
    claims_path, record_path, out, as_of = sys.argv[1:5]
    as_of = pd.Timestamp(as_of)
    templates = sys.argv[sys.argv.index("--templates") + 1] if "--templates" in sys.argv else "Templates"
    claims = pd.read_csv(claims_path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    claims["amount_p"] = pence(claims["amount"])
    claims["paid_p"] = pence(claims["paid"])
    claims["submitted"] = dates(claims["submitted_on"])
    claims["due"] = dates(claims.get("due_on", pd.Series([""] * len(claims)))).fillna(claims["submitted"] + pd.Timedelta(days=30))
    default = np.where(claims["category"].str.upper() == "PH", "local-authority", "icb")
    claims["paymaster"] = claims.get("paymaster", pd.Series([""] * len(claims))).replace("", None).fillna(pd.Series(default)).str.lower()

    record = pd.DataFrame(verified_record(record_path))
    payments = record[record["outcome"] == "payment"].copy()
    payments["pence"] = payments["payment"].map(lambda p: p["pence"])
    payments["received"] = pd.to_datetime(payments["payment"].map(lambda p: p["received_on"]))
    sends = record[record["outcome"].isin(["accepted", "confirmed"])].copy()
    sends["date"] = pd.to_datetime(sends["time"]).dt.tz_convert("Europe/London").dt.tz_localize(None).dt.normalize()

    claims = claims.merge(payments.groupby("claim_id")["pence"].sum().rename("recorded"), left_on="claim_id", right_index=True, how="left")
    claims["recorded"] = claims["recorded"].fillna(0).astype("int64")
    claims["outstanding"] = claims["amount_p"] - claims["paid_p"] - claims["recorded"]
    owed = claims[claims["outstanding"] > 0].copy()
    owed["days"] = (as_of - owed["due"]).dt.days.clip(lower=0)
    owed["bucket"] = pd.cut(owed["days"], [-1, 0, 30, 60, 90, 180, 10**9], labels=BUCKETS)

    aged = owed.pivot_table(index="paymaster", columns="bucket", values="outstanding", aggfunc="sum", observed=False).fillna(0)
    aged = aged.reindex([p for p in ORDER if p in aged.index])[BUCKETS].astype("int64")
    aged.loc["all"] = aged.sum()
    aged["total"] = aged.sum(axis=1)

    # Statutory interest on public-health claims (the example practice's GP contract is an NHS contract).
    rates = bank_rates(f"{templates}/bank-rate.csv")
    # It runs from the day after the relevant day of s4 of the 1998 Act: the last day of the 30
    # days beginning with the claim, or the agreed payment day when that is earlier (s4(2D)).
    public_health = owed[owed["category"].str.upper() == "PH"].copy()
    thirtieth = public_health["submitted"] + pd.Timedelta(days=29)
    public_health["relevant"] = thirtieth.where(thirtieth < public_health["due"], public_health["due"])
    late = public_health[public_health["relevant"] < as_of].copy()
    late["late_days"] = (as_of - late["relevant"]).dt.days
    start = late["relevant"] + pd.Timedelta(days=1)
    reference = [datetime.date(d.year - 1, 12, 31) if d.month <= 6 else datetime.date(d.year, 6, 30) for d in start]
    late["rate"] = [next(r for day, r in reversed(rates) if day <= ref) + 800 for ref in reference]
    late["interest"] = (late["outstanding"] * late["rate"] * late["late_days"] * 2 + 3_650_000) // 7_300_000
    late["fixed"] = np.select([late["outstanding"] < 100_000, late["outstanding"] < 1_000_000], [4_000, 7_000], 10_000)
    interest = late.groupby("paymaster")[["interest", "fixed"]].sum()

    months = pd.period_range(end=as_of.to_period("M"), periods=12, freq="M")
    window = claims[(claims["submitted"].dt.to_period("M") >= months[0]) & (claims["submitted"] <= as_of)]
    claimed = window.groupby(window["submitted"].dt.to_period("M"))["amount_p"].sum().reindex(months, fill_value=0)
    paid = payments[(payments["received"].dt.to_period("M") >= months[0]) & (payments["received"] <= as_of)]
    received = paid.groupby(paid["received"].dt.to_period("M"))["pence"].sum().reindex(months, fill_value=0)
    undated = int(claims["paid_p"].sum())

    month = as_of.to_period("M")
    periods = [(as_of, month.end_time.normalize())] + [((month + n).start_time, (month + n).end_time.normalize()) for n in (1, 2)]
    expected = [(a, b, owed[(owed["due"] >= a) & (owed["due"] <= b)]) for a, b in periods]

    timed = payments.merge(claims[["claim_id", "due", "paymaster"]], on="claim_id")
    timed["days"] = (timed["received"] - timed["due"]).dt.days
    days_to_pay = timed.groupby("paymaster")["days"].agg(["count", "sum"])

    overdue = owed[owed["days"] > 0].sort_values(["due", "outstanding", "claim_id"], ascending=[True, False, True]).head(10)
    history = sends.groupby("claim_id")
    steps = []
    for _, claim in overdue.iterrows():
        done = history.get_group(claim["claim_id"]) if claim["claim_id"] in history.groups else sends.iloc[:0]
        chases = done[done["template"] == "chase"]
        gp = claim["category"].upper() != "PH"
        if chases.empty:
            steps.append("chase")
        elif len(chases) == 1 and not (gp and (done["template"] == "appeal").any()):
            due = chases["date"].max() + pd.Timedelta(days=14)
            nxt = "appeal" if gp else "chase"
            steps.append(nxt if as_of >= due else f"wait until {due.day} {due:%B %Y}, then {nxt}")
        else:
            steps.append("lmc-referral")

    tables = [
        ("Outstanding by age", ["Paymaster"] + [b[:1].upper() + b[1:] for b in BUCKETS] + ["Total"],
         [[PAYMASTERS.get(p, "All paymasters")] + [row[b] for b in BUCKETS] + [row["total"]] for p, row in aged.iterrows()]),
        ("Claimed and received by month", ["Month", "Claimed", "Received"],
         [[m.strftime("%B %Y"), int(claimed[m]), int(received[m])] for m in months]),
        ("Expected in the next three months", ["From", "To", "Claims", "Amount"],
         [[a.date().isoformat(), b.date().isoformat(), len(rows), int(rows["outstanding"].sum())] for a, b, rows in expected]),
        ("Average days to pay", ["Paymaster", "Payments recorded", "Average days"],
         [[PAYMASTERS[p], int(r["count"]), f"{np.floor(r['sum'] * 10 / r['count'] + 0.5) / 10:.1f}"] for p, r in days_to_pay.iterrows()]),
        ("Statutory interest accrued", ["Paymaster", "Interest", "Fixed sums"],
         [[PAYMASTERS[p], int(r["interest"]), int(r["fixed"])] for p, r in interest.iterrows()]),
        ("The oldest debts and what to do next", ["Claim", "Service", "Due", "Days late", "Outstanding", "Next step"],
         [[c["claim_id"], c["service"], c["due"].date().isoformat(), int(c["days"]), int(c["outstanding"]), step]
          for (_, c), step in zip(overdue.iterrows(), steps)]),
    ]
    money_columns = {"Claimed", "Received", "Amount", "Interest", "Fixed sums", "Outstanding", "Total"} | {b[:1].upper() + b[1:] for b in BUCKETS}
    if "--csv" in sys.argv:
        with open(out, "w", encoding="utf-8-sig", newline="") as handle:
            for title, columns, rows in tables:
                handle.write(title + "\r\n" + ",".join(columns) + "\r\n")
                for row in rows:
                    cells = [f"{v / 100:.2f}" if c in money_columns else str(v) for c, v in zip(columns, row)]
                    handle.write(",".join(f'"{c}"' if "," in c else c for c in cells) + "\r\n")
                handle.write("\r\n")
        return

    def bars(ax, title, groups, series, xlabel, ylabel):
        width = 0.8 / len(series)
        fills = [dict(color="0.25"), dict(color="white", hatch="////"), dict(color="0.78"), dict(color="white", hatch="xxxx")]
        for i, (name, values) in enumerate(series):
            ax.bar(np.arange(len(groups)) - 0.4 + width / 2 + i * width, values, width, label=name,
                   edgecolor="black", linewidth=0.5, **fills[i % len(fills)])
        ax.set_xticks(np.arange(len(groups)), groups, fontsize=7)
        ax.yaxis.set_major_formatter(FuncFormatter(uk_pounds))
        ax.set_title(title, loc="left", fontsize=10, fontweight="bold")
        ax.set_xlabel(xlabel, fontsize=7)
        ax.set_ylabel(ylabel, fontsize=7)
        ax.legend(fontsize=7, loc="upper left")
        ax.grid(axis="y", color="0.8", linewidth=0.4)

    with PdfPages(out, metadata={"Title": "Cash flow and aged debt", "Author": "Riverside Medical Centre"}) as pdf:
        for number, (title, columns, rows) in enumerate(tables):
            figure = plt.figure(figsize=(8.27, 11.69))
            if number == 0:
                bars(figure.add_axes([0.1, 0.55, 0.85, 0.35]), f"Outstanding by age at {as_of.day} {as_of:%B %Y}", BUCKETS,
                     [(PAYMASTERS[p], aged.loc[p, BUCKETS].to_numpy()) for p in aged.index if p != "all"], "days past the due date",
                     "outstanding (£)")
            if number == 1:
                bars(figure.add_axes([0.1, 0.55, 0.85, 0.35]), "Claimed and received",
                     [f"{m:%b}\n{m.year}" for m in months], [("claimed", claimed.to_numpy()), ("received", received.to_numpy())],
                     "month", "amount (£)")
            table = figure.add_axes([0.05, 0.05, 0.9, 0.45])
            table.axis("off")
            table.set_title(title, loc="left", fontsize=10, fontweight="bold")
            text = [[money(v) if c in money_columns else str(v) for c, v in zip(columns, row)] for row in rows] or [[""] * len(columns)]
            cells = table.table(cellText=text, colLabels=columns, loc="upper left", cellLoc="left")
            cells.auto_set_font_size(False)
            cells.set_fontsize(6.5)
            pdf.savefig(figure)
            plt.close(figure)


if __name__ == "__main__":
    main()
