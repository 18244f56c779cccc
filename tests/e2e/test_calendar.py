#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of requests, the calendar and iCalendar files, through
the accessibility bus.

Each scenario starts the real `rapport` binary with an empty profile, drives
it as a screen reader would (find by role and name, type, press), and reads
the SQLite file and the .ics files it wrote.  Output is TAP.

Two things AT-SPI cannot do in GTK 4.8 are done as a person would, with
xdotool on the same X display: a click on a list row or on a day of the month
view (neither offers an action), and Ctrl+L in the file chooser's Open
dialog (its location entry only appears on that key; the file list, a
GtkTreeView, has no accessible rows).

Times are checked in a zone chosen here (TIME_ZONE), set for the app and for
this script alike, so that "14:30" means the same instant to both.

Run by meson (tests/e2e/meson.build) as:
  dbus-run-session -- /usr/bin/python3 test_calendar.py --binary <build>/src/rapport \
      --schema-dir <build>/data [--app-id ID] [scenario numbers...]
under an X display (build-aux/run-tests.sh wraps `meson test` in xvfb-run).
"""

import datetime
import os
import re
import shutil
import subprocess
import sys
import zoneinfo

# The helper module is imported from the source tree: leave no __pycache__ there.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import rapport_e2e  # noqa: E402
from rapport_e2e import (  # noqa: E402
    TestFailure, check, check_equal, children, find_all, find_one, has_state, is_sensitive,
    labels_under, matches, name_of, press, query_db, role_name, run_tap,
    set_text, text_of, wait_find, wait_for, walk,
)

# The apps started below inherit this environment.
TIME_ZONE = 'Europe/Berlin'
os.environ['TZ'] = TIME_ZONE

GRACE = 'Grace Hopper'
INTERVIEW_TITLE = f'Informational interview with {GRACE}'
CAFE = 'Café Central'


# Time

def local_zone():
    try:
        return zoneinfo.ZoneInfo(TIME_ZONE)
    except zoneinfo.ZoneInfoNotFoundError:
        raise TestFailure(f'no time zone data for {TIME_ZONE} (Debian: tzdata)')


def today():
    return datetime.datetime.now(local_zone()).date()


def local_start(day, hour, minute):
    """UTC seconds of @hour:@minute on @day, local time."""
    at = datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=local_zone())
    return int(at.timestamp())


def local_day_of(utc):
    return datetime.datetime.fromtimestamp(utc, local_zone()).date()


# Pointer and keyboard, where AT-SPI has no action

def xdotool(*args):
    if shutil.which('xdotool') is None:
        raise TestFailure('xdotool is needed to click rows and days (Debian: xdotool)')
    try:
        result = subprocess.run(['xdotool', *args], stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, timeout=10)
    except subprocess.TimeoutExpired:
        raise TestFailure(f'xdotool {" ".join(args)} did not finish within 10 s')
    if result.returncode != 0:
        raise TestFailure(f'xdotool {" ".join(args)} failed: {result.stderr.strip()}')
    return result.stdout


def x_window(app, title):
    """The X window id of @app's visible top-level titled @title."""
    def find():
        found = xdotool('search', '--all', '--onlyvisible', '--pid', str(app.proc.pid),
                        '--name', f'^{re.escape(title)}$').split()
        check(len(found) == 1, f'{len(found)} X windows titled {title!r}')
        return found[0]
    return wait_for(find, f'the X window {title!r}')


def click(app, window, acc):
    """Clicks the middle of @acc, inside the top-level @window, with the pointer.

    GTK 4.8 gives extents relative to the window widget, whose X window is
    larger by the border of client-side decorations on every side."""
    xid = x_window(app, name_of(window))
    geometry = dict(line.split('=', 1) for line in
                    xdotool('getwindowgeometry', '--shell', xid).split())
    frame = window.queryComponent().getExtents(1)  # window coordinates
    border_x = (int(geometry['WIDTH']) - frame.width) // 2
    border_y = (int(geometry['HEIGHT']) - frame.height) // 2
    box = wait_for(lambda: is_shown(acc) and acc.queryComponent().getExtents(1),
                   f'{role_name(acc)} {name_of(acc)!r} to be laid out', timeout=5)
    x = int(geometry['X']) + border_x + box.x + box.width // 2
    y = int(geometry['Y']) + border_y + box.y + box.height // 2
    # (--sync would wait forever for a move to where the pointer already is)
    here = dict(line.split('=', 1) for line in xdotool('getmouselocation', '--shell').split())
    if (int(here['X']), int(here['Y'])) != (x, y):
        xdotool('mousemove', '--sync', str(x), str(y))
    xdotool('click', '1')


def press_keys(app, title, keys):
    """Focuses @app's top-level @title and presses @keys (e.g. "ctrl+l")."""
    xid = x_window(app, title)
    xdotool('windowfocus', '--sync', xid)
    xdotool('key', '--clearmodifiers', keys)


# What a person does, through AT-SPI

def top_level(app, title, timeout=15.0):
    """@app's top-level titled @title, whatever its role: GTK 4.8 gives the
    file chooser dialog the role "filler"."""
    def find():
        check(app.proc.poll() is None, f'rapport exited with status {app.proc.returncode}')
        wins = [w for w in children(app.acc) if name_of(w) == title]
        check(len(wins) == 1, f'{len(wins)} windows titled {title!r}')
        return wins[0]
    return wait_for(find, f'the window {title!r}', timeout)


def in_state(acc, name):
    """Whether @acc has the AT-SPI state @name, e.g. "STATE_CHECKED" (pyatspi
    is imported by rapport_e2e once the accessibility bus is up)."""
    return has_state(acc, getattr(rapport_e2e.pyatspi, name))


def has_action(acc):
    try:
        return acc.queryAction().nActions > 0
    except NotImplementedError:
        return False


def is_shown(acc):
    box = acc.queryComponent().getExtents(1)
    return box.width > 0 and box.height > 0


def response_button(dialog, name):
    """A response button of an AdwMessageDialog, which keeps each button
    twice (for a wide and a narrow layout): the one laid out."""
    def find():
        shown = [b for b in find_all(dialog, 'push button', name) if is_shown(b)]
        check(len(shown) == 1, f'{len(shown)} buttons named {name!r} are laid out')
        return shown[0]
    return wait_for(find, f'the {name!r} button of {name_of(dialog)!r}', timeout=5)


def list_rows(lst):
    """The rows of a list view, each as (row, the texts of its labels)."""
    return [(row, labels_under(row)) for row in children(lst) if role_name(row) == 'list item']


def rows_showing(lst, text):
    return [(row, labels) for row, labels in list_rows(lst) if text in labels]


def set_spin(spin, value):
    """Sets a spin button through its Value interface, as a screen reader's
    "set value" does, then waits until it shows @value."""
    spin.queryValue().currentValue = value
    wait_for(lambda: text_of(spin).strip().isdigit() and int(text_of(spin)) == value,
             f'{name_of(spin)!r} to show {value}', timeout=5)


class MainWindow:
    """The main window, with the lookups of its lasting widgets remembered
    (walking the whole tree over D-Bus takes about half a second)."""

    def __init__(self, app):
        self.app = app
        self.acc = app.window('Rapport')
        self._cache = {}
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

    def add_contact(self, name):
        """Adds a contact through the New Contact window (the header's icon
        button), then waits until the detail pane shows it."""
        app = self.app
        press(self.lookup('push button', 'Add Contact', lambda a: not labels_under(a), key='header'))
        dialog = app.window('New Contact')
        add = wait_find(dialog, 'push button', 'Add')
        set_text(find_one(dialog, 'text', 'Name'), name)
        wait_for(lambda: is_sensitive(add), '"Add" to be enabled once the name is typed')
        press(add)
        app.window_gone('New Contact')
        wait_for(lambda: text_of(self.lookup('text', 'Name')) == name,
                 f'the detail pane to show {name!r}')

    def show_page(self, title):
        """Switches pages with the view switcher.  libadwaita keeps a wide and
        a narrow switcher (and a bottom bar) in the tree: any of them will do."""
        tabs = [t for t in self._index.get('page tab', []) if name_of(t) == title]
        check(tabs, f'no page tab {title!r}')
        press(tabs[0])
        wait_for(lambda: any(in_state(t, 'STATE_SELECTED') for t in tabs),
                 f'the {title!r} page to be selected')

    # The Calendar page

    def calendar(self):
        return self.lookup('filler', 'RapportCalendarPage')

    def upcoming_list(self):
        return self.lookup('list', 'Upcoming appointments')

    def day_list(self):
        return self.lookup('list', 'Appointments on this day')

    def month(self):
        return self.lookup('filler', 'Month')

    def calendar_button(self, name):
        # The sidebar's icon buttons are named by their accessible label and
        # have no label inside; "New Appointment" is also the pill button of
        # the empty day, which has one.
        return self.lookup('push button', name,
                           lambda a: has_action(a) and not labels_under(a), key='calendar-icon')

    def calendar_menu(self, item):
        """Opens "Import and Export" and chooses @item."""
        # A GtkMenuButton is two accessibles of the same name: the menu
        # button, and the toggle button inside it that has the click action.
        button = self.lookup('push button', 'Import and Export', has_action, key='toggle')
        press(button)
        # The menu is a popover, in the tree under the menu button.
        press(wait_find(button.parent, 'menu item', item))

    def select_day(self, day):
        """Goes to today (the "Today" button), then to @day's month if it is
        the next one, and clicks @day in the month view."""
        press(self.lookup('push button', 'Today'))
        now = today()
        self._wait_for_month(now.year, now.month)
        months = (day.year - now.year) * 12 + day.month - now.month
        check(0 <= months <= 1, f'{day} is not in this month or the next')
        if months:
            press(self.lookup('push button', 'Next Month'))
            self._wait_for_month(day.year, day.month)
        cells = self._day_cells()
        first = self._grid_of(day.year, day.month).index('1')
        click(self.app, self.acc, cells[first + day.day - 1])

    # The month view is a grid of 7 day names, then 6 rows of 7 day numbers
    # (the previous month's last days, the month's, the next month's first
    # days).  Its cells are plain labels: the month shown is known from them.
    DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

    def _grid_labels(self):
        return [a for a in find_all(self.month(), 'label')
                if name_of(a) in self.DAY_NAMES or re.fullmatch(r'[0-9]{1,2}', name_of(a))]

    def _day_cells(self):
        labels = self._grid_labels()
        check_equal(len(labels), 7 + 42, 'labels in the month view\'s grid')
        return labels[7:]

    def _grid_of(self, year, month):
        """The day numbers GTK shows for @month: it always starts with some
        days of the previous month (a whole week if the 1st starts a week)."""
        names = [name_of(a) for a in self._grid_labels()[:7]]
        check(names[0] in ('Sun', 'Mon'), f'the month view\'s weeks start on {names[0]!r}')
        week_start = self.DAY_NAMES.index(names[0])
        first = datetime.date(year, month, 1)
        lead = (first.isoweekday() % 7 - week_start) % 7 or 7
        begin = first - datetime.timedelta(days=lead)
        return [str((begin + datetime.timedelta(days=i)).day) for i in range(42)]

    def _wait_for_month(self, year, month):
        """Waits until the month view shows @month: pressing a button over
        AT-SPI returns before GTK has relabelled the grid."""
        wait_for(lambda: [name_of(a) for a in self._day_cells()] == self._grid_of(year, month),
                 f'the month view to show {year}-{month:02d}', timeout=5)

    def toasts(self):
        """The texts of the toasts shown.  They are AdwToastWidgets in the
        window's toast overlay, near the top of the tree: no need to walk
        all of it."""
        return [' '.join(labels_under(a)) for a in walk(self.acc, max_depth=4)
                if name_of(a) == 'AdwToastWidget']

    def wait_toast(self, predicate, what):
        return wait_for(lambda: [t for t in self.toasts() if predicate(t)], what, timeout=5)[0]

    def open_row(self, lst, text, title):
        """Clicks the row of @lst that shows @text; returns the form it opens."""
        rows = wait_for(lambda: rows_showing(lst, text), f'a row showing {text!r}')
        check_equal(len(rows), 1, f'rows showing {text!r}')
        click(self.app, self.acc, rows[0][0])
        return Form(self.app, title)


TIME_ZONE_ROW = 'Their time zone (optional, e.g. America/New_York)'


class Form:
    """The appointment form (New Appointment, Schedule Interview, Edit
    Appointment), read in one walk: its widgets are all made from its
    template before it is shown, and walking it takes a tenth of a second."""

    def __init__(self, app, title):
        self.acc = app.window(title)
        self.widgets = list(walk(self.acc))
        # Every field a person needs, by name.
        for name in ('Kind', 'Status', 'How'):
            self.one('combo box', name)
        self.switch('Time agreed')
        for name in ('Hour', 'Minute', 'Length in minutes'):
            self.one('spin button', name)
        for name in ('Title (optional)', TIME_ZONE_ROW, 'Place or meeting link'):
            self.one('text', name)
        for name in ('Save', 'Cancel'):
            self.one('push button', name)

    def one(self, role, name, predicate=None):
        found = [a for a in self.widgets
                 if matches(a, role, name) and (predicate is None or predicate(a))]
        check(len(found) == 1, f'{len(found)} widgets are {role} named {name!r} in '
                               f'{name_of(self.acc)!r}, expected one')
        return found[0]

    def switch(self, name):
        """The switch named @name (GTK 4.8 repeats the name: "Name Name")."""
        return self.one(None, None, lambda a: role_name(a) in ('check box', 'toggle button', 'switch')
                        and name_of(a) in (name, f'{name} {name}'))

    def combo_shows(self, name):
        """The labels an AdwComboRow shows: its title and the chosen item."""
        return labels_under(self.one('combo box', name))

    def labels(self):
        """The texts of the labels shown now (hidden ones are not in the tree)."""
        return labels_under(self.acc)


def schedule_interview(win, hour, minute, place=None):
    """Presses "Schedule Interview…" on the contact shown, sets the time on
    the day the form proposes (tomorrow) and saves.  Returns the days the
    form may have proposed (two if midnight passed meanwhile)."""
    app = win.app
    before = today() + datetime.timedelta(days=1)
    press(win.lookup('push button', 'Schedule Interview…'))
    form = Form(app, 'Schedule Interview')
    set_spin(form.one('spin button', 'Hour'), hour)
    set_spin(form.one('spin button', 'Minute'), minute)
    if place is not None:
        set_text(form.one('text', 'Place or meeting link'), place)
    save = form.one('push button', 'Save')
    check(is_sensitive(save), '"Save" is disabled on the Schedule Interview form')
    press(save)
    app.window_gone('Schedule Interview')
    after = today() + datetime.timedelta(days=1)
    return {before, after}


# Database

def appointments(profile, columns='*'):
    return query_db(profile.db_path, f'SELECT {columns} FROM appointments ORDER BY id')


def changes(profile):
    return query_db(profile.db_path,
                    'SELECT appointment_id, old_start, new_start, old_status, new_status'
                    ' FROM appointment_changes ORDER BY changed, rowid')


def stage_of(profile, name):
    rows = query_db(profile.db_path, 'SELECT stage FROM contacts WHERE name = ?', (name,))
    check_equal(len(rows), 1, f'contacts named {name!r}')
    return rows[0][0]


def snapshot(profile):
    """Everything a failed import or a cancelled form must leave alone."""
    return (query_db(profile.db_path, 'SELECT * FROM appointments ORDER BY id'),
            query_db(profile.db_path, 'SELECT * FROM appointment_changes ORDER BY rowid'),
            query_db(profile.db_path, 'SELECT * FROM contacts ORDER BY id'))


def start_with_scheduled_interview(s, hour=14, minute=30, place=CAFE):
    """A fresh app with Grace Hopper, and an interview with her tomorrow at
    @hour:@minute scheduled through her detail pane.  Returns the app, its
    window, and the appointment's (id, uid, start)."""
    app = s.start_app()
    win = MainWindow(app)
    win.add_contact(GRACE)
    days = schedule_interview(win, hour, minute, place)
    rows = wait_for(lambda: appointments(s.profile, 'id, uid, start, status'),
                    'the appointment in the file', timeout=5)
    check_equal(len(rows), 1, 'appointments in the file')
    appointment_id, uid, start, status = rows[0]
    check_equal(status, 'confirmed', 'status of the scheduled interview')
    check(start in {local_start(d, hour, minute) for d in days},
          f'start {start} is not tomorrow at {hour:02d}:{minute:02d} {TIME_ZONE}')
    return app, win, (appointment_id, uid, start)


# Scenarios

def test_request_then_schedule(s):
    app = s.start_app()
    win = MainWindow(app)
    win.add_contact(GRACE)

    press(win.lookup('push button', 'Request Interview…'))
    request = app.window('Request Interview')
    message = text_of(wait_find(request, 'text', 'Message'))
    for words in ('Dear Grace Hopper,', 'not asking about a job'):
        check(words in message, f'the request does not say {words!r}:\n{message}')
    press(find_one(request, 'push button', 'Mark as Requested'))
    app.window_gone('Request Interview')

    rows = wait_for(lambda: appointments(s.profile, 'id, contact_id, kind, status, start'),
                    'the request in the file', timeout=5)
    check_equal(len(rows), 1, 'appointments after "Mark as Requested"')
    appointment_id, contact_id, kind, status, start = rows[0]
    check_equal(query_db(s.profile.db_path, 'SELECT name FROM contacts WHERE id = ?', (contact_id,)),
                [(GRACE,)], 'the contact the request is for')
    check_equal((kind, status, start), ('interview', 'requested', None), 'the request')
    wait_for(lambda: stage_of(s.profile, GRACE) == 'requested',
             'the contact\'s stage to be "requested"', timeout=5)

    before = today() + datetime.timedelta(days=1)
    press(win.lookup('push button', 'Schedule Interview…'))
    form = Form(app, 'Schedule Interview')
    # The request's form, turned into one that fixes its time.
    check('Informational interview' in form.combo_shows('Kind'),
          f'Kind shows {form.combo_shows("Kind")!r}')
    check('Confirmed' in form.combo_shows('Status'),
          f'Status shows {form.combo_shows("Status")!r}')
    check(in_state(form.switch('Time agreed'), 'STATE_CHECKED'),
          '"Time agreed" is off on the Schedule Interview form')
    set_spin(form.one('spin button', 'Hour'), 14)
    set_spin(form.one('spin button', 'Minute'), 30)
    set_text(form.one('text', 'Place or meeting link'), CAFE)
    press(form.one('push button', 'Save'))
    app.window_gone('Schedule Interview')
    after = today() + datetime.timedelta(days=1)

    rows = wait_for(lambda: (r := appointments(s.profile, 'id, status, start, place'))
                    and r[0][1] == 'confirmed' and r,
                    'the interview to be confirmed in the file', timeout=5)
    check_equal(len(rows), 1, 'appointments after scheduling (the request gets the time)')
    got_id, status, start, place = rows[0]
    check_equal(got_id, appointment_id, 'id of the scheduled appointment')
    check_equal(place, CAFE, 'place')
    expected = {local_start(d, 14, 30) for d in (before, after)}
    check(start in expected,
          f'start {start} ({datetime.datetime.fromtimestamp(start, local_zone())}) '
          f'is not 14:30 {TIME_ZONE} tomorrow')
    wait_for(lambda: stage_of(s.profile, GRACE) == 'scheduled',
             'the contact\'s stage to be "scheduled"', timeout=5)
    confirmed = [c for c in changes(s.profile) if c[3:] == ('requested', 'confirmed')]
    check_equal([(c[0], c[2]) for c in confirmed], [(appointment_id, start)],
                'requested → confirmed changes (appointment, new start) in appointment_changes')
    app.quit()


def test_calendar_day_and_reschedule(s):
    app, win, (appointment_id, uid, start) = start_with_scheduled_interview(s)
    day = local_day_of(start)
    win.show_page('Calendar')

    rows = wait_for(lambda: rows_showing(win.upcoming_list(), INTERVIEW_TITLE),
                    'the interview in "Upcoming appointments"')
    check(any('14:30' in text for text in rows[0][1]), f'the upcoming row shows {rows[0][1]!r}')

    # The day list follows the day chosen in the month view: nothing today
    # (the interview is tomorrow), the interview on its day.
    press(win.lookup('push button', 'Today'))
    wait_for(lambda: not rows_showing(win.day_list(), INTERVIEW_TITLE),
             'no interview in the list of today')
    win.select_day(day)
    rows = wait_for(lambda: rows_showing(win.day_list(), INTERVIEW_TITLE),
                    f'the interview in the list of {day}')
    check_equal(len(list_rows(win.day_list())), 1, f'rows in the list of {day}')
    check('14:30' in rows[0][1], f'the day row shows {rows[0][1]!r}')

    form = win.open_row(win.day_list(), INTERVIEW_TITLE, 'Edit Appointment')
    check(not [t for t in form.labels() if t.startswith('Rescheduled from')],
          'the form shows a reschedule before any')
    set_spin(form.one('spin button', 'Hour'), 16)
    press(form.one('push button', 'Save'))
    app.window_gone('Edit Appointment')

    new_start = local_start(day, 16, 30)
    wait_for(lambda: appointments(s.profile, 'id, start, status') ==
             [(appointment_id, new_start, 'confirmed')],
             'the new time in the file', timeout=5)
    moved = [c[:3] for c in changes(s.profile) if c[1] is not None and c[1] != c[2]]
    check_equal(moved, [(appointment_id, start, new_start)],
                'reschedules (appointment, old start, new start) in appointment_changes')

    # Saving shows the day it landed on; the row has the new time.
    rows = wait_for(lambda: (r := rows_showing(win.day_list(), INTERVIEW_TITLE))
                    and '16:30' in r[0][1] and r,
                    'the day row to show 16:30')
    form = win.open_row(win.day_list(), INTERVIEW_TITLE, 'Edit Appointment')
    labels = form.labels()
    history = [t for t in labels if t.startswith('Rescheduled from')]
    check_equal(len(history), 1, f'"Rescheduled from" lines among {labels!r}')
    check('14:30' in history[0], f'the history does not give the old time: {history[0]!r}')
    press(form.one('push button', 'Cancel'))
    app.window_gone('Edit Appointment')
    app.quit()


def test_export_all(s):
    app, win, (appointment_id, uid, start) = start_with_scheduled_interview(s)
    win.show_page('Calendar')
    # A folder with a space and an accent, as people's folders have.
    folder = os.path.join(s.profile.root, 'Exported é')
    os.makedirs(folder)
    path = os.path.join(folder, 'out.ics')

    win.calendar_menu('Export All Appointments…')
    chooser = top_level(app, 'Export All Appointments')
    name = wait_find(chooser, 'text', 'Name:')
    set_text(name, path)
    press(find_one(chooser, 'push button', 'Export'))
    app.window_gone('Export All Appointments')
    wait_for(lambda: os.path.exists(path) and os.path.getsize(path) > 0, f'{path} to be written')
    win.wait_toast(lambda t: t == 'Saved “out.ics”', 'the toast "Saved “out.ics”"')

    import icalendar
    with open(path, 'rb') as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    events = calendar.walk('VEVENT')
    check_equal(len(events), 1, 'VEVENTs in the file')
    event = events[0]
    check_equal(str(event.get('SUMMARY')), INTERVIEW_TITLE, 'SUMMARY')
    check_equal(str(event.get('UID')), uid, 'UID (the database\'s)')
    check_equal(str(event.get('LOCATION')), CAFE, 'LOCATION')
    check_equal(int(event.decoded('DTSTART').timestamp()), start, 'DTSTART')
    check_equal(int((event.decoded('DTEND') - event.decoded('DTSTART')).total_seconds()),
                30 * 60, 'DTEND - DTSTART')
    app.quit()


def ics(*events):
    return ('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rapport tests//EN\r\n'
            + ''.join(events) + 'END:VCALENDAR\r\n')


def vevent(uid, summary, start, minutes, location=None):
    def utc(t):
        return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime('%Y%m%dT%H%M%SZ')
    lines = [f'UID:{uid}', f'DTSTAMP:{utc(start)}', f'DTSTART:{utc(start)}',
             f'DTEND:{utc(start + minutes * 60)}', f'SUMMARY:{summary}']
    if location:
        lines.append(f'LOCATION:{location}')
    return 'BEGIN:VEVENT\r\n' + ''.join(line + '\r\n' for line in lines) + 'END:VEVENT\r\n'


def choose_file_to_import(win, path):
    """"Import Calendar File…", then the file, typed into the Open dialog's
    location entry (Ctrl+L shows it)."""
    app = win.app
    win.calendar_menu('Import Calendar File…')
    title = 'Import Calendar File'
    chooser = top_level(app, title)
    press_keys(app, title, 'ctrl+l')
    location = wait_find(chooser, 'text', 'GtkFileChooserEntry', timeout=5)
    set_text(location, path)
    # Right after typing, the chooser may still be looking the name up, and
    # the button refuses to act: try again until it does.
    button = find_one(chooser, 'push button', 'Open')
    wait_for(lambda: is_sensitive(button) and button.queryAction().doAction(0),
             '"Open" to act', timeout=5)
    app.window_gone(title)


def test_import_with_preview(s):
    app, win, (appointment_id, uid, start) = start_with_scheduled_interview(s)
    win.show_page('Calendar')

    new_uid = 'e2e-career-fair-7d1c@example.org'
    fair_start = local_start(local_day_of(start) + datetime.timedelta(days=2), 10, 0)
    path = os.path.join(s.profile.root, 'two events.ics')
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(ics(vevent(uid, INTERVIEW_TITLE, start, 30),
                    vevent(new_uid, 'Career fair', fair_start, 90, 'Town Hall')))
    before = appointments(s.profile)

    choose_file_to_import(win, path)
    preview = top_level(app, 'Import Appointments?')
    body = ' '.join(labels_under(preview))
    check('2 events: 1 new, 1 already in your calendar' in body,
          f'the preview says {body!r}')
    press(response_button(preview, 'Import'))
    app.window_gone('Import Appointments?')

    after = wait_for(lambda: (a := appointments(s.profile)) and len(a) > len(before) and a,
                     'the new appointment in the file', timeout=5)
    check_equal(len(after), len(before) + 1, 'appointments after importing 1 new of 2')
    check_equal(after[:len(before)], before, 'the appointments that were there')
    check_equal(appointments(s.profile, 'uid, kind, contact_id, title, start, duration, place')[-1],
                (new_uid, 'other', None, 'Career fair', fair_start, 90, 'Town Hall'),
                'the imported appointment')
    win.wait_toast(lambda t: t == 'Imported 1 appointment', 'the toast "Imported 1 appointment"')

    # The same file again: nothing is new, so there is nothing to import.
    choose_file_to_import(win, path)
    preview = top_level(app, 'Import Appointments?')
    body = ' '.join(labels_under(preview))
    check('2 events: 0 new, 2 already in your calendar' in body, f'the second preview says {body!r}')
    check(not is_sensitive(response_button(preview, 'Import')),
          '"Import" is enabled with nothing new to import')
    press(response_button(preview, 'Cancel'))
    app.window_gone('Import Appointments?')

    # Not a calendar at all: a message, and the file untouched.
    before = snapshot(s.profile)
    bad = os.path.join(s.profile.root, 'notes.ics')
    with open(bad, 'wb') as f:
        f.write(b'Bought milk. Call Grace about Tuesday.\n' + os.urandom(512))
    choose_file_to_import(win, bad)
    toast = win.wait_toast(lambda t: t.startswith('Nothing was imported'),
                           'a toast saying "Nothing was imported"')
    check('notes.ics' in toast, f'the message does not name the file: {toast!r}')
    check(not [w for w in children(app.acc) if name_of(w) == 'Import Appointments?'],
          'a preview was offered for a file that is not a calendar')
    check_equal(snapshot(s.profile), before, 'the database after a malformed file')
    app.quit()
    check_equal(snapshot(s.profile), before, 'the database after quitting')


def test_form_refuses_bad_input(s):
    app = s.start_app()
    win = MainWindow(app)
    win.add_contact(GRACE)
    win.show_page('Calendar')
    before = snapshot(s.profile)

    # An interview needs its person.
    press(win.calendar_button('New Appointment'))
    form = Form(app, 'New Appointment')
    check('Informational interview' in form.combo_shows('Kind'),
          f'Kind shows {form.combo_shows("Kind")!r}')
    check('Nobody chosen' in form.labels(), 'the Person row does not say "Nobody chosen"')
    save = form.one('push button', 'Save')
    check(not is_sensitive(save), '"Save" is enabled with no person for an interview')
    set_text(form.one('text', TIME_ZONE_ROW), 'Mars/Olympus')
    check(not is_sensitive(save), '"Save" is enabled with no person and an unknown time zone')
    press(form.one('push button', 'Cancel'))
    app.window_gone('New Appointment')

    # With the person known, the time zone alone decides.
    win.show_page('Contacts')
    press(win.lookup('push button', 'Schedule Interview…'))
    form = Form(app, 'Schedule Interview')
    save = form.one('push button', 'Save')
    zone = form.one('text', TIME_ZONE_ROW)
    check(is_sensitive(save), '"Save" is disabled on a complete form')
    set_text(zone, 'Mars/Olympus')
    wait_for(lambda: not is_sensitive(save), '"Save" to be disabled for "Mars/Olympus"', timeout=5)
    set_text(zone, 'America/New_York')
    wait_for(lambda: is_sensitive(save), '"Save" to be enabled for "America/New_York"', timeout=5)
    check([t for t in form.labels() if 'their time (America/New_York)' in t],
          'both local times are not shown for a known time zone')
    set_text(zone, 'Mars/Olympus')
    wait_for(lambda: not is_sensitive(save), '"Save" to be disabled again', timeout=5)
    press(form.one('push button', 'Cancel'))
    app.window_gone('Schedule Interview')

    check_equal(snapshot(s.profile), before, 'the database after cancelled forms')
    app.quit()
    check_equal(snapshot(s.profile), before, 'the database after quitting')


SCENARIOS = [
    ('request an interview, then schedule it at 14:30 with a place', test_request_then_schedule),
    ('the day list shows the interview; a reschedule keeps its history', test_calendar_day_and_reschedule),
    ('Export All Appointments writes an .ics with the database UID', test_export_all),
    ('import previews new and known events, adds nothing twice, refuses junk', test_import_with_preview),
    ('the form refuses an interview without a person and an unknown time zone', test_form_refuses_bad_input),
]

if __name__ == '__main__':
    sys.exit(run_tap(SCENARIOS))
