#!/usr/bin/env python3
"""Sends the same .eml files PayChase sent, with Python's smtplib over one STARTTLS + AUTH
connection: what a developer would write instead of `paychase send`.

usage: smtp_peer.py HOST PORT CA_FILE USER PASSWORD_ENV FROM TO EML_DIR"""
import os
import smtplib
import ssl
import sys


def main():
    host, port, ca, user, password_env, sender, recipient, folder = sys.argv[1:9]
    context = ssl.create_default_context(cafile=ca)
    files = sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".eml"))
    with smtplib.SMTP(host, int(port)) as server:
        server.starttls(context=context)
        server.login(user, os.environ[password_env])
        for path in files:
            with open(path, "rb") as handle:
                server.sendmail(sender, [recipient], handle.read())
    print(len(files))


if __name__ == "__main__":
    main()
