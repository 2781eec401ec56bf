#!/usr/bin/env python3
"""The job `paychase print formal-complaint --overdue` does, with ReportLab: one A4 letter per
overdue claim (letterhead, date, address block, references, salutation, bold heading,
paragraphs, sign-off), fonts embedded (DejaVu Serif), written to OUT/letters/<claim>.pdf.

usage: letters_peer.py CLAIMS.csv OUT_DIR AS_OF(YYYY-MM-DD)"""
import datetime
import os
import sys
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import HRFlowable, Paragraph, SimpleDocTemplate, Spacer

from draft_peer import CATEGORY, EMAIL, ODS, PHONE, PRACTICE, date, money, overdue, uk

FONTS = "/usr/share/fonts/truetype/dejavu"
pdfmetrics.registerFont(TTFont("DejaVuSerif", f"{FONTS}/DejaVuSerif.ttf"))
pdfmetrics.registerFont(TTFont("DejaVuSerif-Bold", f"{FONTS}/DejaVuSerif-Bold.ttf"))
pdfmetrics.registerFont(TTFont("DejaVuSans", f"{FONTS}/DejaVuSans.ttf"))
BODY = ParagraphStyle("body", fontName="DejaVuSerif", fontSize=10.5, leading=13, spaceBefore=8)
BOLD = ParagraphStyle("bold", parent=BODY, fontName="DejaVuSerif-Bold", fontSize=11, spaceBefore=10)
NAME = ParagraphStyle("name", fontName="DejaVuSerif-Bold", fontSize=16, leading=19)
SMALL = ParagraphStyle("small", fontName="DejaVuSans", fontSize=8.5, leading=11)
RECIPIENT = {"QOF": "NHS England (London region)", "DES": "NHS England (London region)",
             "LES": "Tower Hamlets CCG", "PH": "London Borough of Tower Hamlets"}


def para(text, style=BODY):
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def letter(c, amount, paid, path, as_of, due):
    category = c["category"].upper()
    story = [
        para(PRACTICE, NAME), para("1 River Road · London · E1 1AA", SMALL),
        para(f"Tel {PHONE} · {EMAIL} · ODS code {ODS}", SMALL), HRFlowable(width="100%", thickness=0.6),
        Spacer(1, 16), para(uk(as_of)),
        para(f"{RECIPIENT[category]}\nFinance Department\nLondon"),
        para(f"Our ref: {c['claim_id']}    Your ref: {c.get('reference') or '-'}"),
        para("Dear Sir or Madam,"),
        para(f"Formal complaint: non-payment of {c['service']}, {c['period']}", BOLD),
        para("We wish to make a formal complaint under the Local Authority Social Services and National Health "
             f"Service Complaints (England) Regulations 2009 about the handling of a payment due to {PRACTICE} "
             f"(ODS code {ODS})."),
        para(f"Service: {c['service']} ({CATEGORY[category]})\nPeriod: {c['period']}\nAmount claimed: {money(amount)}\n"
             f"Received so far: {money(paid)}\nOutstanding: {money(amount - paid)}\n"
             f"Claimed on: {uk(date(c['submitted_on']))}\nPayment was due by: {uk(due)}"),
        para(f"Our complaint is that the payment has not been made, {(as_of - due).days} days after it was due, and "
             "that we have not been told of any reason for withholding it. We ask that the complaint be investigated, "
             f"that the payment of {money(amount - paid)} be made, and that you tell us what will be done to stop this "
             "happening again."),
        para("Please acknowledge this complaint within three working days of receiving it, as the regulations "
             "require, and let us know who will handle it."),
        para("Yours faithfully,\n\n\n\nJane Doe\nPractice Manager"),
    ]
    document = SimpleDocTemplate(path, pagesize=A4, leftMargin=22 * mm, rightMargin=20 * mm, topMargin=20 * mm,
                                 bottomMargin=25 * mm, title=f"Formal complaint: {c['service']}", author=PRACTICE)
    document.build(story)


def main():
    claims_path, out, as_of = sys.argv[1], sys.argv[2], datetime.date.fromisoformat(sys.argv[3])
    os.makedirs(os.path.join(out, "letters"), exist_ok=True)
    for c, amount, paid, _, due in overdue(claims_path, as_of):
        letter(c, amount, paid, os.path.join(out, "letters", f"{c['claim_id']}-formal-complaint.pdf"), as_of, due)


if __name__ == "__main__":
    main()
