#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of the contact list, through the accessibility bus.

Each scenario starts the real `rapport` binary with an empty profile, drives
it as a screen reader would (find by role and name, type, press), quits it
and reads the SQLite file it wrote.  Output is TAP.

Run by meson (tests/e2e/meson.build) as:
  dbus-run-session -- /usr/bin/python3 test_contacts.py --binary <build>/src/rapport \
      --schema-dir <build>/data [--app-id ID] [scenario numbers...]
under an X display (build-aux/run-tests.sh wraps `meson test` in xvfb-run).
"""

import hashlib
import os
import sys

# The helper module is imported from the source tree: leave no __pycache__ there.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from rapport_e2e import (  # noqa: E402
    check, check_equal, children, diag, find_one, integrity_ok,
    is_sensitive, labels_under, matches, press, query_db, role_name, run_tap,
    set_text, text_of, wait_find, wait_for, walk,
)

ADA = 'Ada Lovelace'
ENGINES = 'Analytical Engines'
HOSTILE_NAMES = [
    "'; DROP TABLE contacts;--",
    'سارا أحمد',
    'Zoë 👩\u200d💻 Smith',
]


# What a person does, through AT-SPI

class MainWindow:
    """The main window, with the lookups of its lasting widgets remembered
    (walking the whole tree over D-Bus takes about half a second)."""

    def __init__(self, app):
        self.app = app
        self.acc = app.window('Rapport')
        self._cache = {}
        # One walk up front: the window's widgets are all made from its
        # template before it is shown.
        self._index = {}
        for acc in walk(self.acc):
            self._index.setdefault(role_name(acc), []).append(acc)

    def lookup(self, role, name, predicate=None, key=None):
        key = (role, name, key)
        if key not in self._cache:
            found = [a for a in self._index.get(role, [])
                     if matches(a, role, name) and (predicate is None or predicate(a))]
            if len(found) == 1:
                self._cache[key] = found[0]
            else:
                self._cache[key] = wait_find(self.acc, role, name, predicate)
        return self._cache[key]

    # Two buttons are named "Add Contact": the header's icon button (named by
    # its accessible label, no label inside) and the pill button of the empty
    # list's status page (named by its label child).
    def header_add_button(self):
        return self.lookup('push button', 'Add Contact',
                           lambda a: not labels_under(a), key='header')

    def empty_state_add_button(self):
        return self.lookup('push button', 'Add Contact',
                           lambda a: labels_under(a) == ['Add Contact'], key='empty-state')

    def detail_entry(self, title):
        """An entry row of the detail pane (the main window has one of each)."""
        return self.lookup('text', title)

    def contact_rows(self):
        """The rows the "Contacts" list shows, each as the list of its labels."""
        lst = self.lookup('list', 'Contacts')
        return [labels_under(row) for row in children(lst) if role_name(row) == 'list item']

    def add_contact(self, name, organization=None, job_title=None, button=None):
        """Adds a contact through the New Contact window, then waits until the
        detail pane shows it."""
        app = self.app
        press(button if button is not None else self.header_add_button())
        dialog = app.window('New Contact')
        add = wait_find(dialog, 'push button', 'Add')
        check(not is_sensitive(add), '"Add" is enabled before a name is typed')
        set_text(find_one(dialog, 'text', 'Name'), name)
        if organization is not None:
            set_text(find_one(dialog, 'text', 'Organization'), organization)
        if job_title is not None:
            set_text(find_one(dialog, 'text', 'Job title'), job_title)
        wait_for(lambda: is_sensitive(add), '"Add" to be enabled once the name is typed')
        press(add)
        app.window_gone('New Contact')
        wait_for(lambda: text_of(self.detail_entry('Name')) == name,
                 f'the detail pane to show {name!r}')


def row_names(rows, names):
    """Which of @names each row shows."""
    return [[n for n in names if n in labels] for labels in rows]


def contacts_in_db(profile, columns='name'):
    return query_db(profile.db_path, f'SELECT {columns} FROM contacts ORDER BY id')


# Scenarios

def test_add_contact(s):
    app = s.start_app()
    win = MainWindow(app)
    wait_for(lambda: win.contact_rows() == [], 'an empty contact list')
    win.add_contact(ADA, organization=ENGINES, button=win.empty_state_add_button())

    rows = wait_for(lambda: win.contact_rows(), 'the new contact in the list')
    check_equal(len(rows), 1, 'rows in the contact list')
    for label in (ADA, ENGINES, 'To contact'):
        check(label in rows[0], f'the list row shows {rows[0]!r}, without {label!r}')

    app.quit()
    check_equal(query_db(s.profile.db_path,
                         'SELECT name, organization, stage, deleted FROM contacts'),
                [(ADA, ENGINES, 'to-contact', None)], 'contacts in the file')


def test_edit_autosaves_and_sigterm_flushes(s):
    app = s.start_app()
    win = MainWindow(app)
    win.add_contact(ADA)

    # Autosave: the app is still running when the change reaches the file.
    set_text(win.detail_entry('Phone'), '+44 20 7946 0000')
    wait_for(lambda: contacts_in_db(s.profile, 'phone') == [('+44 20 7946 0000',)],
             'the phone number to be saved while the app runs', timeout=5)

    # SIGTERM right after typing: the debounced edits must be written on exit.
    set_text(win.detail_entry('Career field'), 'Mathematics')
    set_text(win.detail_entry('Email'), 'ada@example.org')
    app.terminate()

    check_equal(contacts_in_db(s.profile, 'name, field, email, phone'),
                [(ADA, 'Mathematics', 'ada@example.org', '+44 20 7946 0000')],
                'contacts in the file')


def test_hostile_text(s):
    app = s.start_app()
    win = MainWindow(app)
    organization = 'O\'Reilly "Media" <b>&amp;</b> %s %n \\ ;--'
    for name in HOSTILE_NAMES:
        win.add_contact(name, organization=organization)

    rows = wait_for(lambda: (r := win.contact_rows()) and len(r) == 3 and r,
                    'three rows in the contact list')
    shown = sorted(n for names in row_names(rows, HOSTILE_NAMES) for n in names)
    check_equal(shown, sorted(HOSTILE_NAMES), 'names shown in the list')

    app.quit()
    check(integrity_ok(s.profile.db_path), 'the database fails PRAGMA integrity_check')
    check_equal(query_db(s.profile.db_path,
                         "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'contacts'"),
                [(1,)], 'contacts tables')
    check_equal(contacts_in_db(s.profile, 'name, organization, deleted'),
                [(n, organization, None) for n in HOSTILE_NAMES], 'contacts in the file')


def test_search_as_you_type(s):
    names = [ADA, 'Zoë 👩\u200d💻 Smith', 'Grace Hopper']
    app = s.start_app()
    win = MainWindow(app)
    for name in names:
        win.add_contact(name)
    wait_for(lambda: len(win.contact_rows()) == 3, 'three rows in the contact list')

    search = win.lookup('entry', 'Search contacts')
    set_text(search, 'zoe')
    rows = wait_for(lambda: (r := win.contact_rows()) and len(r) == 1 and r,
                    'one row left after typing "zoe"', timeout=5)
    check_equal(row_names(rows, names), [[names[1]]], 'contacts shown for "zoe"')

    set_text(search, 'nobody-matches-this')
    wait_for(lambda: win.contact_rows() == [], 'no rows for a search nothing matches', timeout=5)

    set_text(search, '')
    rows = wait_for(lambda: (r := win.contact_rows()) and len(r) == 3 and r,
                    'all three rows back once the search is cleared', timeout=5)
    check_equal(sorted(n for ns in row_names(rows, names) for n in ns), sorted(names),
                'contacts shown after clearing the search')
    app.quit()


def test_delete_and_undo(s):
    grace = 'Grace Hopper'
    app = s.start_app()
    win = MainWindow(app)
    win.add_contact(ADA)

    press(win.lookup('push button', 'Delete Contact'))
    wait_for(lambda: win.contact_rows() == [], 'the deleted contact to leave the list')
    wait_for(lambda: contacts_in_db(s.profile, 'name, deleted IS NOT NULL') == [(ADA, 1)],
             'the row to be marked deleted in the file', timeout=5)

    press(wait_find(win.acc, 'push button', 'Undo'))
    wait_for(lambda: row_names(win.contact_rows(), [ADA]) == [[ADA]],
             'the contact to come back to the list after Undo')
    wait_for(lambda: contacts_in_db(s.profile, 'name, deleted') == [(ADA, None)],
             'the row to be undeleted in the file', timeout=5)

    # A deletion that is not undone is final by the next start.
    win.add_contact(grace)
    press(win.lookup('push button', 'Delete Contact'))
    wait_for(lambda: row_names(win.contact_rows(), [ADA, grace]) == [[ADA]],
             f'{grace!r} to leave the list')
    app.quit()
    check_equal(query_db(s.profile.db_path,
                         'SELECT name FROM contacts WHERE deleted IS NULL ORDER BY id'),
                [(ADA,)], 'contacts not deleted in the file')

    app = s.start_app()
    win = MainWindow(app)
    rows = wait_for(lambda: win.contact_rows(), 'the contact list after a restart')
    check_equal(row_names(rows, [ADA, grace]), [[ADA]], 'contacts shown after a restart')

    # Even if the app never gets to quit (a crash, a power cut), a deletion is
    # in the file at once and is final by the next start.
    turing = 'Alan Turing'
    win.add_contact(turing)
    press(win.lookup('push button', 'Delete Contact'))
    wait_for(lambda: row_names(win.contact_rows(), [ADA, turing]) == [[ADA]],
             f'{turing!r} to leave the list')
    wait_for(lambda: query_db(s.profile.db_path,
                              'SELECT deleted IS NOT NULL FROM contacts WHERE name = ?',
                              (turing,)) == [(1,)],
             f'{turing!r} to be marked deleted in the file', timeout=5)
    app.kill()

    app = s.start_app()
    win = MainWindow(app)
    rows = wait_for(lambda: win.contact_rows(), 'the contact list after a crash')
    check_equal(row_names(rows, [ADA, grace, turing]), [[ADA]], 'contacts shown after a crash')
    app.quit()
    check_equal(contacts_in_db(s.profile, 'name, deleted'), [(ADA, None)],
                'contacts in the file after restarts')


def test_corrupt_database_left_alone(s):
    os.makedirs(os.path.dirname(s.profile.db_path))
    garbage = os.urandom(8192)
    with open(s.profile.db_path, 'wb') as f:
        f.write(garbage)
    digest = hashlib.sha256(garbage).hexdigest()

    app = s.start_app()
    win = MainWindow(app)
    title = 'Your Data Could Not Be Opened'
    page = win.lookup('panel', title)
    # The page is in the window's tree even when the database opens fine; only
    # on an error is it given a size and a description (the reason).
    extents = page.queryComponent().getExtents(1)  # window coordinates
    check(extents.width > 0 and extents.height > 0, f'the {title!r} page is not shown')
    # Its labels, other than the buttons': the title, then the reason.
    labels = wait_for(lambda: (ls := labels_under(page, skip_roles=('push button',)))
                      and len(ls) >= 2 and ls,
                      'the reason under the title')
    check(title in labels, f'no {title!r} heading among {labels!r}')
    reason = [label for label in labels if label != title][0]
    check(reason.strip() != '', 'the reason is empty')
    diag(f'reason shown: {reason}')

    press(find_one(page, 'push button', 'Quit'))
    app.wait_exit()

    with open(s.profile.db_path, 'rb') as f:
        after = f.read()
    check(hashlib.sha256(after).hexdigest() == digest,
          f'the database file changed ({len(after)} bytes, was {len(garbage)})')
    extra = sorted(set(os.listdir(os.path.dirname(s.profile.db_path))) - {'rapport.db'})
    check_equal(extra, [], 'files created next to the database')


SCENARIOS = [
    ('add a contact through the New Contact window; it is saved', test_add_contact),
    ('detail-pane edits autosave, and SIGTERM writes pending edits', test_edit_autosaves_and_sigterm_flushes),
    ("quotes, '; DROP TABLE, right-to-left text and emoji round-trip", test_hostile_text),
    ('search as you type narrows the contact list', test_search_as_you_type),
    ('Delete Contact, then Undo, keeps the contact; without Undo it is gone', test_delete_and_undo),
    ('a corrupt database is reported and left byte-identical', test_corrupt_database_left_alone),
]

if __name__ == '__main__':
    sys.exit(run_tap(SCENARIOS))
