#!/usr/bin/env python3
"""The job `paychase draft chase --overdue` does, written as a practice's developer would in
Python: read the claims CSV, pick the overdue ones, fill a Jinja2 template, build each email
with the standard `email` package (quoted-printable UTF-8, receipts, X-Unsent) and write it to
OUT/drafts/<claim_id>/chase.eml.

usage: draft_peer.py CLAIMS.csv OUT_DIR AS_OF(YYYY-MM-DD)"""
import csv
import datetime
import email.policy
import email.utils
import os
import sys
from email.message import EmailMessage

import jinja2

BODY = jinja2.Template("""Dear Sir or Madam,

We are writing about a payment that has not yet reached {{ practice }} (ODS code {{ ods }}).

Service: {{ c.service }} ({{ category_name }})
Period: {{ c.period }}
Amount claimed: {{ amount }}
Received so far: {{ paid }}
Outstanding: {{ outstanding }}
Claimed on: {{ submitted }}
Payment was due by: {{ due }}
{% if c.reference %}Your reference: {{ c.reference }}
{% endif %}{% if c.evidence %}Evidence submitted: {{ c.evidence }}
{% endif %}
The payment is now {{ days }} days overdue. Please could you confirm when {{ outstanding }} will be paid or, if there is a problem with the claim, tell us what it is so that we can put it right.

A read receipt and a delivery receipt have been requested for this email so that we have a record that it arrived. Please reply to {{ email }} or call {{ phone }}.

Yours faithfully,

Jane Doe
Practice Manager
{{ practice }} (ODS code {{ ods }})
1 River Road, London, E1 1AA
Tel: {{ phone }}
""")

CATEGORY = {"QOF": "Quality and Outcomes Framework", "DES": "Directed Enhanced Service",
            "LES": "Local Enhanced Service", "PH": "public health service"}
PAYMASTER = {"QOF": ("NHS England (London region)", "payments@england.example"),
             "DES": ("NHS England (London region)", "payments@england.example"),
             "LES": ("Tower Hamlets CCG", "finance@ccg.example"),
             "PH": ("London Borough of Tower Hamlets", "publichealth@la.example")}
PRACTICE, ODS, EMAIL, PHONE = "Riverside Medical Centre", "F84001", "manager@riverside.example", "020 7946 0000"


def pence(text):
    text = (text or "0").replace("£", "").replace(",", "").strip() or "0"
    pounds, _, frac = text.partition(".")
    return int(pounds or 0) * 100 + int((frac + "00")[:2])


def money(p):
    return "£{:,}.{:02d}".format(p // 100, p % 100)


def date(text):
    text = text.strip()
    if "/" in text:
        d, m, y = text.split("/")
        return datetime.date(int(y), int(m), int(d))
    return datetime.date.fromisoformat(text)


def uk(d):
    return f"{d.day} {d.strftime('%B')} {d.year}"


def overdue(claims_path, as_of):
    """Each claim with money outstanding past its due date, with its amounts and due date."""
    with open(claims_path, encoding="utf-8-sig", newline="") as handle:
        for c in csv.DictReader(handle):
            amount, paid = pence(c["amount"]), pence(c.get("paid"))
            submitted = date(c["submitted_on"])
            due = date(c["due_on"]) if c.get("due_on") else submitted + datetime.timedelta(days=30)
            if amount - paid > 0 and as_of > due:
                yield c, amount, paid, submitted, due


def main():
    claims_path, out, as_of = sys.argv[1], sys.argv[2], datetime.date.fromisoformat(sys.argv[3])
    for c, amount, paid, submitted, due in overdue(claims_path, as_of):
        name, address = PAYMASTER[c["category"].upper()]
        message = EmailMessage(policy=email.policy.SMTP)
        message["Date"] = email.utils.format_datetime(datetime.datetime.now(datetime.timezone.utc))
        message["From"] = email.utils.formataddr((PRACTICE, EMAIL))
        message["To"] = email.utils.formataddr((name, address))
        message["Subject"] = f"Payment query: {c['service']} {c['period']} ({ODS}, our ref {c['claim_id']})"
        message["Message-ID"] = email.utils.make_msgid(domain="riverside.example")
        message["Disposition-Notification-To"] = f"<{EMAIL}>"
        message["Return-Receipt-To"] = f"<{EMAIL}>"
        message["X-PayChase-Claim"] = c["claim_id"]
        message["X-Unsent"] = "1"
        body = BODY.render(c=c, practice=PRACTICE, ods=ODS, email=EMAIL, phone=PHONE,
                           category_name=CATEGORY[c["category"].upper()], amount=money(amount), paid=money(paid),
                           outstanding=money(amount - paid), submitted=uk(submitted), due=uk(due),
                           days=(as_of - due).days)
        message.set_content(body, charset="utf-8", cte="quoted-printable")
        folder = os.path.join(out, "drafts", c["claim_id"])
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "chase.eml"), "wb") as f:
            f.write(message.as_bytes())


if __name__ == "__main__":
    main()
