#!/usr/bin/env python3
"""A practice manager's walk through `paychase serve` in a real browser (issue 11.5), and the
service killed mid-batch (issue 11.2).

It needs the test mail rig. With the rig's variables in the environment (scripts/test exports
DIR/env of `scripts/mailrig start DIR`) it uses that rig; with `--rig DIR` it reads DIR/env;
with neither it starts a rig of its own and stops it at the end.

    python3 Tests/Browser/walk.py [--rig DIR] [--only walk|a11y|kill]

Environment: PAYCHASE_BIN (default: the debug build's paychase), PAYCHASE_ARTIFACTS (screenshots
and downloads; default Tests/Browser/artifacts/), CHROMIUM and CHROMEDRIVER (default
/usr/bin/chromium, /usr/bin/chromedriver).

Every check prints `ok` or `FAILED`; the first failure stops the walk with its reason and exit 1.
The last line is `N passed, 0 failed`.
"""

import argparse
import email
import imaplib
import json
import base64
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "Examples"
RECEIPT_FIXTURE = ROOT / "Tests/PayChaseMailTests/Fixtures/receipts/outlook-read.eml"
PASSED = 0


class CheckFailed(Exception):
    pass


def check(condition, what, detail=""):
    """Counts one check; a failed one stops everything with what was expected and what was seen."""
    global PASSED
    if not condition:
        print(f"FAILED {what}" + (f": {detail}" if detail else ""), flush=True)
        raise CheckFailed(what + (f": {detail}" if detail else ""))
    PASSED += 1
    print(f"ok {PASSED} {what}", flush=True)


def wait_for(predicate, timeout, interval=0.2):
    """The predicate's first truthy value within `timeout` seconds, or its last falsy one."""
    deadline = time.time() + timeout
    while True:
        value = predicate()
        if value or time.time() >= deadline:
            return value
        time.sleep(interval)


# ---------------------------------------------------------------------------------------------
# The mail rig and a practice folder that sends through it


class Rig:
    def __init__(self, env):
        self.env = env
        self.submission = int(env["PAYCHASE_RIG_SUBMISSION_PORT"])
        self.imap = int(env["PAYCHASE_RIG_IMAP_PORT"])
        self.ca = env["PAYCHASE_RIG_CA"]
        self.mail = Path(env["PAYCHASE_RIG_MAIL"])
        self.smtp_user = env["PAYCHASE_RIG_SMTP_USER"]
        self.smtp_password = env["PAYCHASE_RIG_SMTP_PASSWORD"]

    @staticmethod
    def read_env(path):
        out = subprocess.run(["bash", "-c", f'set -a; . "{path}"; env -0'], check=True, capture_output=True).stdout
        pairs = (item.split("=", 1) for item in out.decode().split("\0") if "=" in item)
        return {k: v for k, v in pairs if k.startswith("PAYCHASE_RIG_")}

    def maildir_message_ids(self, mailbox):
        """The Message-ID of every message in DOMAIN/LOCAL's new/ and cur/."""
        domain, local = mailbox.split("@")[1], mailbox.split("@")[0]
        ids = []
        for sub in ("new", "cur"):
            folder = self.mail / domain / local / sub
            if not folder.is_dir():
                continue
            for file in folder.iterdir():
                try:
                    with open(file, "rb") as handle:
                        message = email.message_from_binary_file(handle)
                except OSError:
                    continue
                ids.append(normal_id(message.get("Message-ID", "")))
        return ids

    def maildir_subjects(self, mailbox):
        domain, local = mailbox.split("@")[1], mailbox.split("@")[0]
        subjects = []
        for sub in ("new", "cur"):
            folder = self.mail / domain / local / sub
            for file in (folder.iterdir() if folder.is_dir() else []):
                with open(file, "rb") as handle:
                    subjects.append(str(email.message_from_binary_file(handle).get("Subject", "")))
        return subjects

    def append_to_mailbox(self, raw, user="manager@riverside.example", password="imap-manager"):
        context = ssl.create_default_context(cafile=self.ca)
        with imaplib.IMAP4("localhost", self.imap) as imap:
            imap.starttls(ssl_context=context)
            imap.login(user, password)
            typ, data = imap.append("INBOX", None, imaplib.Time2Internaldate(time.time()), raw)
            if typ != "OK":
                raise CheckFailed(f"IMAP APPEND refused: {data}")
            imap.logout()


def normal_id(value):
    return value.strip().strip("<>").strip()


def paychase_binary():
    if os.environ.get("PAYCHASE_BIN"):
        return str(Path(os.environ["PAYCHASE_BIN"]).resolve())
    bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    return str(Path(bin_path) / "paychase")


class Practice:
    """A temporary practice folder: the example profile and claims, sending through the rig."""

    def __init__(self, rig, binary, extra_profile="", imap=True):
        self.rig = rig
        self.binary = binary
        self.path = Path(tempfile.mkdtemp(prefix="pcwalk."))
        shutil.copy(EXAMPLES / "paychase.yaml", self.path / "paychase.yaml")
        shutil.copy(EXAMPLES / "claims.csv", self.path / "claims.csv")
        profile = (self.path / "paychase.yaml").read_text()
        if not profile.endswith("\n"):
            profile += "\n"
        profile += (f"smtp:\n  url: smtp://localhost:{rig.submission}\n  auth: PLAIN\n  username: {rig.smtp_user}\n"
                    f"  password_env: PAYCHASE_SMTP_PASSWORD\n  ca_file: {rig.ca}\n")
        if imap:
            profile += (f"imap:\n  url: imap://localhost:{rig.imap}\n  username: manager@riverside.example\n"
                        f"  password_env: PAYCHASE_IMAP_PASSWORD\n  ca_file: {rig.ca}\n")
        profile += extra_profile
        (self.path / "paychase.yaml").write_text(profile)
        self.server = None
        self.url = None
        self.log = open(self.path / "serve.log", "ab")

    @property
    def environment(self):
        env = dict(os.environ)
        env.pop("PAYCHASE_TEMPLATES", None)
        env["PAYCHASE_SMTP_PASSWORD"] = self.rig.smtp_password
        env["PAYCHASE_IMAP_PASSWORD"] = "imap-manager"
        return env

    def run(self, *arguments):
        return subprocess.run([self.binary, *arguments], cwd=self.path, env=self.environment, capture_output=True, text=True)

    def serve(self):
        """Starts `paychase serve` on a free port and waits for the line that names it."""
        self.server = subprocess.Popen(
            [self.binary, "serve", "--listen", "127.0.0.1:0", "--worker-interval", "2"],
            cwd=self.path, env=self.environment, stdout=subprocess.PIPE, stderr=self.log)
        deadline = time.time() + 30
        while time.time() < deadline:
            line = self.server.stdout.readline()
            if not line:
                break
            self.log.write(line)
            match = re.match(rb"PayChase is serving (http://127\.0\.0\.1:\d+)", line)
            if match:
                self.url = match.group(1).decode()
                break
        check(self.url is not None, "paychase serve says where it listens", f"see {self.path}/serve.log")
        # Keep reading its standard output into the log so it never blocks on a full pipe.
        import threading

        def drain(stream, sink):
            for chunk in iter(lambda: stream.readline(), b""):
                sink.write(chunk)
                sink.flush()

        threading.Thread(target=drain, args=(self.server.stdout, self.log), daemon=True).start()
        return self.url

    def stop(self, sig=signal.SIGTERM):
        if self.server and self.server.poll() is None:
            self.server.send_signal(sig)
            try:
                return self.server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.server.kill()
                return self.server.wait()
        return self.server.returncode if self.server else None

    def deliveries(self):
        file = self.path / "Outbox/deliveries.jsonl"
        if not file.exists():
            return []
        entries = []
        for line in file.read_text().splitlines():
            try:
                entries.append(json.loads(line))
            except ValueError:
                pass  # a line a kill cut off; the record's own checks judge it
        return entries

    def accepted(self, claim=None, template="chase"):
        return [e for e in self.deliveries() if e.get("outcome") == "accepted" and e.get("template") == template
                and (claim is None or e.get("claim_id") == claim)]

    def remove(self):
        self.log.close()
        shutil.rmtree(self.path, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# The browser walk


def browser(downloads):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1600"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False,
        "download.directory_upgrade": True,
        "safebrowsing.enabled": False,
    })
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.set_page_load_timeout(60)
    try:
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    except Exception:
        pass  # the prefs alone do it in newer Chromium
    return driver


def leave(driver, old):
    """Waits until the page `old` belonged to is gone and the next has loaded. While Chromium
    navigates, asking about the old page may fail in ways other than 'stale' (chromedriver's
    "Node with given id does not belong to the document"): every such failure means gone."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    def gone(_):
        try:
            old.is_enabled()
            return False
        except WebDriverException:
            return True

    def loaded(d):
        try:
            return d.execute_script("return document.readyState") == "complete"
        except WebDriverException:
            return False

    WebDriverWait(driver, 60).until(gone)
    WebDriverWait(driver, 60).until(loaded)


class Tools:
    """What access.py borrows from the walk."""
    check = staticmethod(lambda *a: check(*a))
    Practice = None
    browser = staticmethod(lambda downloads: browser(downloads))

    @staticmethod
    def left(driver):
        return lambda old: leave(driver, old)

    @staticmethod
    def html(driver):
        from selenium.webdriver.common.by import By
        return driver.find_element(By.TAG_NAME, "html")

    @staticmethod
    def text(driver, css):
        from selenium.webdriver.common.by import By
        found = driver.find_elements(By.CSS_SELECTOR, css)
        return found[0].text if found else ""


def walk(rig, binary, artifacts):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    for old in artifacts.glob("*.png"):
        old.unlink()
    downloads = artifacts / "downloads"
    shutil.rmtree(downloads, ignore_errors=True)
    downloads.mkdir(parents=True)
    practice = Practice(rig, binary)
    url = practice.serve()
    driver = browser(downloads)
    shots = [0]

    def shot(name):
        shots[0] += 1
        driver.save_screenshot(str(artifacts / f"{shots[0]:02d}-{name}.png"))

    def element(css):
        found = driver.find_elements(By.CSS_SELECTOR, css)
        return found[0] if found else None

    def text(css):
        found = element(css)
        return found.text if found else ""

    def flash():
        return text("#flash")

    def left(old):
        leave(driver, old)

    def go(element_id):
        """Clicks a link or submit button and waits until the page it leads to has loaded."""
        old = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.ID, element_id).click()
        left(old)

    try:
        # The dashboard.
        driver.get(url + "/")
        shot("dashboard")
        for css in ("#nav-dashboard", "#nav-claims", "#nav-import", "#nav-queue", "#nav-record",
                    "#owed", "#overdue", "#totals", "#aged-debt-chart", "#todays-actions"):
            check(element(css) is not None, f"the dashboard has {css}")
        check("£" in text("#owed"), "the dashboard says what is owed", text("#owed"))
        # The chart's text as Chromium lays it out: inside the chart, and no two pieces on top of each other.
        boxes = driver.execute_script("""
            const svg = document.querySelector('#aged-debt-chart svg');
            if (!svg) return null;
            const view = svg.viewBox.baseVal;
            return {width: view.width, height: view.height, boxes: Array.from(svg.querySelectorAll('text')).map(t => {
                const b = t.getBBox(); return [t.textContent, b.x, b.y, b.width, b.height]; })};
        """)
        check(boxes is not None and len(boxes["boxes"]) > 5, "the dashboard's chart has its text", str(boxes)[:200])
        if boxes:
            outside = [b[0] for b in boxes["boxes"] if b[1] < -0.5 or b[2] < -0.5 or b[1] + b[3] > boxes["width"] + 0.5 or b[2] + b[4] > boxes["height"] + 0.5]
            check(not outside, "no text of the chart crosses its edge in Chromium", str(outside))
            pairs = [(a[0], b[0]) for i, a in enumerate(boxes["boxes"]) for b in boxes["boxes"][i + 1:]
                     if min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]) > 0.5 and min(a[2] + a[4], b[2] + b[4]) - max(a[2], b[2]) > 0.5]
            check(not pairs, "no two texts of the chart overlap in Chromium", str(pairs[:5]))
        check("D-2026-014" in text("#todays-actions"), "today's actions name the overdue D-2026-014", text("#todays-actions")[:300])

        # Import: a claims file with an error, then a good one.
        go("nav-import")
        check(element("#claims-file") is not None, "the import page has its file field")
        shot("import")
        bad_dir = Path(tempfile.mkdtemp(prefix="pcbad."))
        lines = (EXAMPLES / "claims.csv").read_text(encoding="utf-8-sig").splitlines()
        # Line 3 of the file (D-2026-014): an amount that is not money.
        fields = lines[2].split(",")
        fields[4] = "twelve pounds"
        lines[2] = ",".join(fields)
        (bad_dir / "claims.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        before = (practice.path / "claims.csv").read_bytes()
        driver.find_element(By.ID, "claims-file").send_keys(str(bad_dir / "claims.csv"))
        go("upload")
        problems = text("#problems")
        shot("import-problems")
        check(re.search(r"claims\.csv:3: amount: ", problems) is not None, "the problems name claims.csv:3: amount", problems)
        check((practice.path / "claims.csv").read_bytes() == before, "a file with problems replaces nothing")
        good = EXAMPLES / "claims.csv"
        driver.find_element(By.ID, "claims-file").send_keys(str(good))
        go("upload")
        shot("import-good")
        check(element("#problems") is None, "a good file has no problems", text("#problems"))
        check(flash() != "", "the import says what it did", flash())
        backups = list(practice.path.glob("claims.backup-*.csv"))
        check(len(backups) == 1, "the previous claims file is kept as a dated backup", str(backups))
        shutil.rmtree(bad_dir, ignore_errors=True)

        # The claims table, then the overdue claim.
        go("nav-claims")
        shot("claims")
        check(element("#claims") is not None and element("#claim-D-2026-014") is not None, "the claims table has D-2026-014")
        link = element("#claim-D-2026-014 a")
        if link is not None:
            old_page = driver.find_element(By.TAG_NAME, "html")
            link.click()
            left(old_page)
        else:
            driver.get(url + "/claims/D-2026-014")
        check(driver.current_url.endswith("/claims/D-2026-014"), "the claim page opens", driver.current_url)
        shot("claim")
        check(text("#outstanding") == "£1,234.56", "D-2026-014 has £1,234.56 outstanding", text("#outstanding"))
        for css in ("#facts", "#timeline", "#preview", "#draft", "#send", "#record-posting",
                    "#payment-amount", "#record-payment", "#evidence"):
            check(element(css) is not None, f"the claim page has {css}")
        check(text("#preview-heading").startswith("chase"), "the next document is the chase", text("#preview-heading"))
        preview = text("#preview")
        check("D-2026-014" in preview and "1,234.56" in preview, "the preview is the chase's email text for this claim", preview[:300])
        # The letter link is there exactly when the chase has a letter form (the example's is email only).
        with urllib.request.urlopen(url + "/api/claims/D-2026-014") as response:
            next_document = json.load(response)["next_document"]
        letter = element("#preview-letter")
        if next_document.get("letter_url"):
            check(letter is not None and letter.get_attribute("href").endswith(next_document["letter_url"]),
                  "the preview links the chase letter as a PDF", str(next_document.get("letter_url")))
        else:
            check(letter is None, "no letter link for an email-only chase", str(next_document.get("forms")))

        # Send it.
        Select(driver.find_element(By.ID, "send-template")).select_by_value("chase")
        go("send")
        shot("claim-sent")
        check("chase" in flash(), "sending says what it did", flash())
        accepted_row = element("#timeline .event-accepted")
        check(accepted_row is not None, "the timeline shows the accepted email", text("#timeline")[:300])
        check("queued as" in accepted_row.text, "the timeline row has the server's queue id", accepted_row.text)
        sent = practice.accepted("D-2026-014")
        check(len(sent) == 1, "the record holds one accepted chase for D-2026-014", str(len(sent)))
        message_id = normal_id(sent[0]["message_id"])
        queue_id = sent[0]["reply"].split("queued as ")[-1].strip()
        check(queue_id in accepted_row.text, "the page's queue id is the record's", f"{queue_id} / {accepted_row.text}")

        # A read receipt lands in the practice mailbox; "Read the mailbox now".
        receipt = RECEIPT_FIXTURE.read_text()
        receipt = receipt.replace("<20261122T224058123-0000-Q-1@riverside.example>", f"<{message_id}>")
        receipt = receipt.replace("accounts@riverside.example", "manager@riverside.example")
        rig.append_to_mailbox(receipt.replace("\r\n", "\n").replace("\n", "\r\n").encode())
        go("nav-record")
        check(element("#verify") is not None, "the record page says whether the record verifies", text("#verify"))
        shot("record")
        go("read-receipts")
        shot("record-receipts")
        check("read" in flash().lower(), "reading the mailbox says what it did", flash())

        def read_row():
            driver.get(url + "/claims/D-2026-014")
            return element("#timeline .event-read-receipt")

        row = wait_for(read_row, 20, 1)
        shot("claim-read")
        check(row is not None, "the claim's timeline shows the read receipt", text("#timeline")[:400])
        check("read" in row.text.lower(), "the receipt row says read", row.text)
        check(re.search(r"\bread \d", text("#facts")) is not None, "the claim's facts say it came back read", text("#facts")[-300:])

        # Record a payment: the outstanding falls by it.
        driver.find_element(By.ID, "payment-amount").send_keys("200.00")
        go("record-payment")
        shot("claim-paid")
        check(flash() != "", "recording the payment says what it did", flash())
        check(text("#outstanding") == "£1,034.56", "the outstanding fell by £200 to £1,034.56", text("#outstanding"))
        check(element("#timeline .event-payment") is not None, "the timeline shows the payment")

        # Printed, the claim page is the claim on A4, without the navigation or the forms.
        from selenium.webdriver.common.print_page_options import PrintOptions
        options = PrintOptions()
        options.page_width, options.page_height = 21.0, 29.7
        printed = artifacts / "claim-printed.pdf"
        printed.write_bytes(base64.b64decode(driver.print_page(options)))
        paper = subprocess.run(["pdftotext", "-layout", str(printed), "-"], capture_output=True, text=True).stdout
        check("D-2026-014" in paper and "£1,034.56" in paper, "the printed claim page holds the claim", paper[:300])
        check("Dashboard" not in paper and "Record payment" not in paper and "Download the evidence pack" not in paper,
              "the printed claim page leaves out the navigation and the forms", paper[:600])

        # The evidence pack.
        driver.find_element(By.ID, "evidence").click()
        zips = wait_for(lambda: [p for p in downloads.glob("*.zip")] if not list(downloads.glob("*.crdownload")) else [], 30, 0.5)
        check(len(zips) == 1, "the evidence pack downloads as a zip", str(list(downloads.iterdir())))
        with zipfile.ZipFile(zips[0]) as pack:
            names = pack.namelist()
            check(any(n == "SHA256SUMS" or n.endswith("/SHA256SUMS") for n in names), "the evidence pack holds SHA256SUMS", str(names[:20]))
            check(pack.testzip() is None, "the evidence pack's zip is sound")

        go("nav-queue")
        check(element("#queue") is not None, "the queue page opens")
        shot("queue")
        go("nav-dashboard")
        shot("dashboard-after")

        # The paymaster's mailbox holds the chase exactly once.
        ids = wait_for(lambda: rig.maildir_message_ids("nelicb.payments@nhs.example") if message_id in rig.maildir_message_ids("nelicb.payments@nhs.example") else None, 30, 0.5)
        ids = ids or rig.maildir_message_ids("nelicb.payments@nhs.example")
        check(ids.count(message_id) == 1, "the rig's Maildir holds the sent chase exactly once", f"{ids.count(message_id)} copies of {message_id}")
        verify = practice.run("log", "--verify")
        check(verify.returncode == 0, "paychase log --verify passes after the walk", verify.stdout + verify.stderr)
    finally:
        driver.quit()
        status = practice.stop()
    check(status == 0, "SIGTERM stops the service cleanly", f"exit {status}; see the log")
    practice.remove()


# ---------------------------------------------------------------------------------------------
# The service killed mid-batch


KILL_CLAIMS = 30


def kill_mid_batch(rig, binary):
    """~30 overdue claims with `auto_send: [chase]`: SIGKILL the service while its worker sends
    them, start it again, let it finish; every chase arrives exactly once and the record verifies."""
    practice = Practice(rig, binary, extra_profile="auto_send: [chase]\n", imap=False)
    prefix = f"K{int(time.time()) % 100000}"
    lines = ["claim_id,service,category,period,amount,submitted_on,reference"]
    claims = [f"{prefix}-{i}" for i in range(1, KILL_CLAIMS + 1)]
    for i, claim in enumerate(claims, 1):
        lines.append(f"{claim},Minor surgery DES,DES,2026/27,{100 + i}.50,2026-06-01,REF-{i}")
    (practice.path / "claims.csv").write_text("\n".join(lines) + "\n")
    check(practice.run("check").returncode == 0, "the kill practice checks clean", practice.run("check").stderr)
    mailbox = "nelicb.payments@nhs.example"
    try:
        settle_kill(practice, rig, claims, mailbox)
    finally:
        practice.stop(signal.SIGKILL)
    practice.remove()


def settle_kill(practice, rig, claims, mailbox):
    practice.serve()
    sent_before = wait_for(lambda: len(practice.accepted()) >= 3 and len(practice.accepted()), 90, 0.01)
    practice.server.send_signal(signal.SIGKILL)
    practice.server.wait()
    accepted_at_kill = len(practice.accepted())
    check(3 <= accepted_at_kill < KILL_CLAIMS, f"the service is killed part way through the batch ({accepted_at_kill} of {KILL_CLAIMS} sent)",
          f"{accepted_at_kill} of {KILL_CLAIMS} accepted when it was killed (seen {sent_before})")

    practice.serve()

    def queued(folder):
        """The queued messages' metadata; one the running service sends meanwhile is passed over."""
        found = []
        for file in (folder.glob("*.json") if folder.is_dir() else []):
            try:
                found.append(json.loads(file.read_text()))
            except (FileNotFoundError, json.JSONDecodeError):
                continue
        return found

    def finished():
        done = {e["claim_id"] for e in practice.accepted()}
        queue = practice.path / "Outbox/queue"
        held = [m for m in queued(queue) if m.get("state") == "uncertain"]
        return len(done) + len(held) >= KILL_CLAIMS and (len(done) == KILL_CLAIMS or held)

    wait_for(finished, 120, 0.5)
    status = practice.stop()
    check(status == 0, "the restarted service stops cleanly", f"exit {status}")

    # A message killed after its last dot and before the reply is held as uncertain: settle it
    # as the README says, by what the recipient's mailbox shows.
    queue = practice.path / "Outbox/queue"
    for meta in queued(queue):
        if meta.get("state") != "uncertain":
            continue
        # Postfix delivers in its own time: give a message it took a while to reach the Maildir.
        held_id = normal_id(meta.get("message_id", ""))
        arrived = bool(wait_for(lambda: held_id in rig.maildir_message_ids(mailbox), 15, 0.5))
        print(f"   {meta.get('claim_id')} was held as uncertain; it {'arrived' if arrived else 'did not arrive'}", flush=True)
        result = practice.run("queue", "--delivered", meta["id"]) if arrived else practice.run("send", "--queued", "--resend-uncertain")
        check(result.returncode == 0, f"the held message for {meta.get('claim_id')} is settled", result.stdout + result.stderr)

    records = {}
    for entry in practice.accepted() + [e for e in practice.deliveries() if e.get("outcome") == "confirmed"]:
        records.setdefault(entry["claim_id"], []).append(normal_id(entry["message_id"]))
    check(sorted(records) == sorted(claims), "every claim's chase is recorded as sent",
          f"missing {sorted(set(claims) - set(records))}")
    check(all(len(v) == 1 for v in records.values()), "no claim's chase is recorded twice",
          str({k: v for k, v in records.items() if len(v) > 1}))

    def all_arrived():
        ids = rig.maildir_message_ids(mailbox)
        return ids if all(ids.count(v[0]) >= 1 for v in records.values()) else None

    ids = wait_for(all_arrived, 30, 0.5) or rig.maildir_message_ids(mailbox)
    counts = {claim: ids.count(v[0]) for claim, v in records.items()}
    check(all(c == 1 for c in counts.values()), f"the Maildir holds each of the {KILL_CLAIMS} chases exactly once",
          str({k: c for k, c in counts.items() if c != 1}))
    prefix = claims[0].rsplit("-", 1)[0]
    batch = [subject for subject in rig.maildir_subjects(mailbox) if f"our ref {prefix}-" in subject]
    check(len(batch) == len(claims), f"the Maildir holds {len(claims)} messages of this batch, no more (none twice under another Message-ID)",
          f"{len(batch)} messages")
    verify = practice.run("log", "--verify")
    check(verify.returncode == 0, "paychase log --verify passes after the kill", verify.stdout + verify.stderr)


# ---------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rig", help="a folder `scripts/mailrig start` made (reads its env)")
    parser.add_argument("--only", choices=["walk", "a11y", "kill"])
    arguments = parser.parse_args()

    artifacts = Path(os.environ.get("PAYCHASE_ARTIFACTS", ROOT / "Tests/Browser/artifacts")).resolve()
    artifacts.mkdir(parents=True, exist_ok=True)
    own_rig = None
    if arguments.rig:
        env = Rig.read_env(Path(arguments.rig) / "env")
    elif os.environ.get("PAYCHASE_RIG_SUBMISSION_PORT"):
        env = {k: v for k, v in os.environ.items() if k.startswith("PAYCHASE_RIG_")}
    else:
        own_rig = tempfile.mkdtemp(prefix="pcrig.")
        subprocess.run([str(ROOT / "scripts/mailrig"), "start", own_rig], check=True)
        env = Rig.read_env(Path(own_rig) / "env")
    rig = Rig(env)
    failed = 0
    try:
        binary = paychase_binary()
        if not Path(binary).exists():
            raise CheckFailed(f"no paychase binary at {binary}: run swift build first")
        if arguments.only in (None, "walk"):
            print("# the practice manager's walk", flush=True)
            walk(rig, binary, artifacts)
        if arguments.only in (None, "a11y"):
            print("# the pages for everyone: axe-core, reflow, the keyboard", flush=True)
            import access
            Tools.Practice = Practice
            access.accessibility(rig, binary, artifacts, Tools)
        if arguments.only in (None, "kill"):
            print("# the service killed mid-batch", flush=True)
            kill_mid_batch(rig, binary)
    except CheckFailed as failure:
        failed = 1
        print(f"walk.py: {failure}", file=sys.stderr, flush=True)
    except Exception as error:  # a crash of the walk itself is a failure too, said plainly
        failed = 1
        print(f"FAILED the walk could not go on: {type(error).__name__}: {error}", flush=True)
        print(f"walk.py: {type(error).__name__}: {error}", file=sys.stderr, flush=True)
    finally:
        if own_rig:
            subprocess.run([str(ROOT / "scripts/mailrig"), "stop", own_rig])
            shutil.rmtree(own_rig, ignore_errors=True)
    print(f"{PASSED} passed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
