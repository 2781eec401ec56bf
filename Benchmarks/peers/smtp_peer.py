#!/usr/bin/env python3
"""Sends the same .eml files PayChase sent, with Python's smtplib over one STARTTLS + AUTH
connection: what a developer would write instead of `paychase send`.

usage: smtp_peer.py HOST PORT CA_FILE USER PASSWORD_ENV FROM TO[,TO...] EML_DIR [--dsn]

--dsn asks for the delivery receipts PayChase asks for (RFC 3461: RET=HDRS and an ENVID on MAIL
FROM, NOTIFY=SUCCESS,FAILURE on RCPT TO), so that the server does the same work for each message:
without it the peer's messages get no delivery report at all."""
import os
import smtplib
import ssl
import sys


def xtext(text):
    """RFC 3461 xtext, as PayChase writes the ENVID."""
    return "".join(c if 33 <= ord(c) <= 126 and c not in "+=" else f"+{ord(c):02X}" for c in text)


def main():
    arguments = [a for a in sys.argv[1:] if a != "--dsn"]
    dsn = "--dsn" in sys.argv[1:]
    host, port, ca, user, password_env, sender, recipients, folder = arguments[:8]
    recipients = recipients.split(",")
    context = ssl.create_default_context(cafile=ca)
    files = sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".eml"))
    with smtplib.SMTP(host, int(port)) as server:
        server.starttls(context=context)
        server.login(user, os.environ[password_env])
        for path in files:
            with open(path, "rb") as handle:
                if dsn:
                    envelope = os.path.basename(path)[:-4]
                    server.sendmail(sender, recipients, handle.read(), mail_options=["RET=HDRS", f"ENVID={xtext(envelope)}"],
                                    rcpt_options=["NOTIFY=SUCCESS,FAILURE"])
                else:
                    server.sendmail(sender, recipients, handle.read())
    print(len(files))


if __name__ == "__main__":
    main()
