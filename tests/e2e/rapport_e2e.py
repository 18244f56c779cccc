# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared helpers for Rapport's end-to-end tests.

The tests drive the real `rapport` binary the way a screen reader does: over
the accessibility bus (AT-SPI, through pyatspi), finding widgets by role and
accessible name, typing with the EditableText interface and pressing buttons
with the Action interface.  They then check the SQLite file the app wrote.

Each test script runs inside its own `dbus-run-session` (the app is unique on
the session bus) under an X display (`xvfb-run`).  This module starts the
accessibility bus itself, starts one app process per scenario with a fresh
data directory, and cleans up every process it started, by PID (each one is
started in its own process group, which is killed as a whole).

Runs with Debian's /usr/bin/python3 (pyatspi is a Debian package).
"""

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, Gio, GLib  # noqa: E402

# pyatspi is imported only once the accessibility bus is up (see AtSpiBus).
pyatspi = None

DEFAULT_APP_ID = 'io.github.rapportapp.Rapport'
DEFAULT_BUS_LAUNCHER = '/usr/libexec/at-spi-bus-launcher'
DEFAULT_TIMEOUT = 15.0
POLL_INTERVAL = 0.05


class TestFailure(Exception):
    """An assertion of a scenario did not hold."""


def check(condition, message):
    if not condition:
        raise TestFailure(message)


def check_equal(actual, expected, what):
    if actual != expected:
        raise TestFailure(f'{what}: expected {expected!r}, got {actual!r}')


def pump_events():
    """Lets libatspi read what arrived on its D-Bus connections (events)."""
    ctx = GLib.MainContext.default()
    while ctx.pending():
        ctx.iteration(False)


def wait_for(predicate, what, timeout=DEFAULT_TIMEOUT):
    """Polls @predicate until it returns something true, or fails after @timeout s.

    Exceptions raised by @predicate while polling (a widget that went away
    mid-walk, a database that is still being written) count as "not yet"; the
    last one is reported if the deadline passes.
    """
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        pump_events()
        try:
            result = predicate()
            if result:
                return result
        except TestFailure as e:
            last_error = e
        except GLib.Error as e:
            last_error = e
        except sqlite3.Error as e:
            last_error = e
        if time.monotonic() >= deadline:
            detail = f' (last error: {last_error})' if last_error else ''
            raise TestFailure(f'timed out after {timeout:g} s waiting for {what}{detail}')
        time.sleep(POLL_INTERVAL)


# Accessible tree helpers

def role_name(acc):
    return acc.getRoleName()


def name_of(acc):
    return acc.name or ''


def button_name_matches(name, wanted):
    """GTK 4.8 names a button with a mnemonic label "_Add Add" (its raw label,
    then the text of its label child): accept that form as well as "Add"."""
    if name == wanted:
        return True
    plain = name.replace('_', '')
    return plain == wanted or plain == f'{wanted} {wanted}'


def has_state(acc, state):
    return acc.getState().contains(state)


def children(acc):
    n = acc.childCount
    result = []
    for i in range(n):
        child = acc.getChildAtIndex(i)
        if child is not None:
            result.append(child)
    return result


def walk(acc, max_depth=60):
    """Yields @acc and its descendants, depth first."""
    stack = [(acc, 0)]
    while stack:
        node, depth = stack.pop()
        yield node
        if depth < max_depth:
            kids = children(node)
            for child in reversed(kids):
                stack.append((child, depth + 1))


def matches(acc, role, name):
    if role is not None and role_name(acc) != role:
        return False
    if name is None:
        return True
    if role == 'push button':
        return button_name_matches(name_of(acc), name)
    return name_of(acc) == name


def find_all(root, role=None, name=None, predicate=None):
    found = []
    for acc in walk(root):
        try:
            if matches(acc, role, name) and (predicate is None or predicate(acc)):
                found.append(acc)
        except GLib.Error:
            continue
    return found


def find_one(root, role=None, name=None, predicate=None):
    """The one matching descendant of @root, or a TestFailure."""
    found = find_all(root, role, name, predicate)
    check(len(found) > 0, f'no {role} named {name!r}')
    check(len(found) == 1, f'{len(found)} widgets are {role} named {name!r}, expected one')
    return found[0]


def wait_find(root, role=None, name=None, predicate=None, timeout=DEFAULT_TIMEOUT):
    return wait_for(lambda: find_one(root, role, name, predicate),
                    f'{role} {name!r}', timeout)


def text_of(acc):
    """The text of an editable or label, through the Text interface."""
    try:
        text = acc.queryText()
    except NotImplementedError:
        return name_of(acc)
    return text.getText(0, text.characterCount)


def set_text(acc, value):
    """Types @value into an entry, the way an on-screen keyboard or a screen
    reader's "edit" command does."""
    try:
        editable = acc.queryEditableText()
    except NotImplementedError:
        raise TestFailure(f'{role_name(acc)} {name_of(acc)!r} is not editable')
    check(editable.setTextContents(value),
          f'{role_name(acc)} {name_of(acc)!r} refused the text')


def press(acc):
    """Clicks a button through its first action, as a screen reader does."""
    try:
        action = acc.queryAction()
    except NotImplementedError:
        raise TestFailure(f'{role_name(acc)} {name_of(acc)!r} has no action')
    check(action.nActions > 0, f'{role_name(acc)} {name_of(acc)!r} has no action')
    check(action.doAction(0), f'{role_name(acc)} {name_of(acc)!r} did not act')


def is_sensitive(acc):
    return has_state(acc, pyatspi.STATE_SENSITIVE)


def labels_under(acc, skip_roles=()):
    """The texts of the labels inside @acc, in order (hidden widgets are not
    in the tree), leaving out those inside widgets of @skip_roles."""
    result = []
    stack = [acc]
    while stack:
        node = stack.pop()
        role = role_name(node)
        if role == 'label':
            result.append(name_of(node))
        if node is not acc and role in skip_roles:
            continue
        stack.extend(reversed(children(node)))
    return result


# Database helpers

def query_db(path, sql, params=()):
    """Rows of @sql on the app's database, read without changing it."""
    check(os.path.exists(path), f'{path} does not exist')
    uri = 'file:' + path + '?mode=ro'
    con = sqlite3.connect(uri, uri=True, timeout=5)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def integrity_ok(path):
    rows = query_db(path, 'PRAGMA integrity_check')
    return rows == [('ok',)]


# Processes

class AtSpiBus:
    """The accessibility bus of this D-Bus session, started by us."""

    def __init__(self, launcher):
        self.launcher = launcher
        self.proc = None

    def start(self, timeout=DEFAULT_TIMEOUT):
        global pyatspi
        self.session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        if not self._name_has_owner('org.a11y.Bus'):
            self.proc = subprocess.Popen(
                [self.launcher, '--launch-immediately'],
                # at-spi2-registryd inherits this and prints a banner: keep
                # it out of the TAP stream on stdout.
                stdin=subprocess.DEVNULL, stdout=sys.stderr.fileno(),
                start_new_session=True)
        wait_for(lambda: self._name_has_owner('org.a11y.Bus'),
                 'the accessibility bus (org.a11y.Bus)', timeout)
        import pyatspi as _pyatspi
        pyatspi = _pyatspi
        # GTK 4.8 has no AT-SPI cache object: libatspi warns once per app.
        GLib.log_set_handler('dbind', GLib.LogLevelFlags.LEVEL_WARNING, _dbind_log, None)
        self.desktop = pyatspi.Registry.getDesktop(0)

    def _name_has_owner(self, name):
        reply = self.session.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                                       'org.freedesktop.DBus', 'NameHasOwner',
                                       GLib.Variant('(s)', (name,)),
                                       GLib.VariantType('(b)'),
                                       Gio.DBusCallFlags.NONE, 5000, None)
        return reply.unpack()[0]

    def stop(self):
        if self.proc is not None:
            kill_group(self.proc, signal.SIGTERM, 5)
            self.proc = None


def _dbind_log(domain, level, message, data):
    if '/org/a11y/atspi/cache' not in message:
        sys.stderr.write(f'{domain}-WARNING: {message}\n')


def _die_with_parent():
    """In the child, before exec: be killed if the test process dies (even by
    SIGKILL), so that nothing outlives it."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except Exception:  # noqa: BLE001 - best effort, Linux only
        pass


def kill_group(proc, sig, timeout):
    """Signals the process group that @proc leads (it was started with
    start_new_session=True) and reaps @proc."""
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()


class Profile:
    """A fresh, private XDG data/config directory for one scenario."""

    def __init__(self, prefix='rapport-e2e-'):
        self.root = tempfile.mkdtemp(prefix=prefix)
        self.data_home = os.path.join(self.root, 'data')
        self.config_home = os.path.join(self.root, 'config')
        os.makedirs(self.data_home)
        os.makedirs(self.config_home)

    @property
    def db_path(self):
        return os.path.join(self.data_home, 'rapport', 'rapport.db')

    def remove(self):
        shutil.rmtree(self.root, ignore_errors=True)


class App:
    """One run of the rapport binary, and its accessible application."""

    def __init__(self, config, bus, profile, args=()):
        self.config = config
        self.bus = bus
        self.profile = profile
        self.args = list(args)
        self.proc = None
        self.acc = None
        self.log_path = None

    def environment(self):
        """The environment every rapport process of a scenario runs in: the
        scenario's profile, the build's settings schemas, no real desktop
        state."""
        env = dict(os.environ)
        env.pop('NO_AT_BRIDGE', None)
        env.update({
            'GDK_BACKEND': 'x11',
            'GSK_RENDERER': 'cairo',
            'GSETTINGS_BACKEND': 'memory',
            'GSETTINGS_SCHEMA_DIR': self.config.schema_dir,
            'XDG_DATA_HOME': self.profile.data_home,
            'XDG_CONFIG_HOME': self.profile.config_home,
            'GTK_A11Y': 'atspi',
            'G_DEBUG': 'fatal-criticals',
            'LC_ALL': 'C.UTF-8',
        })
        # Under the sanitizer run: GLib and GTK are built without frame
        # pointers, so the fast unwinder stops at g_malloc and a library's
        # own allocation (see build-aux/lsan.supp) could not be told apart
        # from ours. The app is slower so, but only here.
        if 'detect_leaks=1' in env.get('ASAN_OPTIONS', ''):
            env['ASAN_OPTIONS'] += ':fast_unwind_on_malloc=0'
        return env

    def start(self, timeout=DEFAULT_TIMEOUT, accessible=True):
        """Starts the binary (with the scenario's extra arguments) and, unless
        @accessible is false, waits until it is on the accessibility bus:
        `rapport --background`, or a second `rapport` that hands over to a
        running one, shows no window and may never get there."""
        env = self.environment()
        n = 1
        while os.path.exists(os.path.join(self.profile.root, f'app-{n}.log')):
            n += 1
        self.log_path = os.path.join(self.profile.root, f'app-{n}.log')
        with open(self.log_path, 'wb') as log:
            self.proc = subprocess.Popen([self.config.binary, *self.args], env=env,
                                         stdin=subprocess.DEVNULL, stdout=log,
                                         stderr=subprocess.STDOUT,
                                         start_new_session=True,
                                         preexec_fn=_die_with_parent)
        if accessible:
            self.wait_accessible(timeout)
        return self

    def wait_accessible(self, timeout=DEFAULT_TIMEOUT):
        """Waits until this process is on the accessibility bus."""
        self.acc = wait_for(self._find_application,
                            f'rapport (pid {self.proc.pid}) on the accessibility bus', timeout)
        # Read the tree afresh every time: nothing here runs libatspi's event
        # loop, so cached names and states could be stale.
        self.acc.set_cache_mask(Atspi.Cache.NONE)
        return self.acc

    def find_accessible(self):
        """This process's accessible application, or None if it is not on
        the accessibility bus (now)."""
        return self._find_application()

    def _find_application(self):
        if self.proc.poll() is not None:
            raise TestFailure(f'rapport exited with status {self.proc.returncode} '
                              'before it showed up on the accessibility bus')
        desktop = self.bus.desktop
        for app in children(desktop):
            try:
                if app.name == 'rapport' and app.get_process_id() == self.proc.pid:
                    return app
            except GLib.Error:
                continue
        return None

    def window(self, title, timeout=DEFAULT_TIMEOUT):
        """The app's top-level window titled @title."""
        def find():
            self._check_running()
            wins = [w for w in children(self.acc)
                    if role_name(w) in ('frame', 'dialog', 'window') and name_of(w) == title]
            check(len(wins) == 1, f'{len(wins)} windows titled {title!r}')
            return wins[0]
        return wait_for(find, f'the window {title!r}', timeout)

    def window_gone(self, title, timeout=DEFAULT_TIMEOUT):
        def gone():
            self._check_running()
            return not any(name_of(w) == title for w in children(self.acc))
        wait_for(gone, f'the window {title!r} to close', timeout)

    def _check_running(self):
        if self.proc.poll() is not None:
            raise TestFailure(f'rapport exited unexpectedly with status {self.proc.returncode}')

    def activate_action(self, name):
        """Activates an application action over D-Bus, as the shell or another
        instance would (org.gtk.Actions.Activate)."""
        app_id = self.config.app_id
        path = '/' + app_id.replace('.', '/').replace('-', '_')
        self.bus.session.call_sync(app_id, path, 'org.gtk.Actions', 'Activate',
                                   GLib.Variant('(sava{sv})', (name, [], {})),
                                   None, Gio.DBusCallFlags.NONE, 10000, None)

    def quit(self, timeout=DEFAULT_TIMEOUT):
        """Quits through app.quit (Ctrl+Q) and waits for a clean exit."""
        self.activate_action('quit')
        return self.wait_exit(timeout)

    def terminate(self, timeout=DEFAULT_TIMEOUT):
        """Sends SIGTERM (what a logout does) and waits for a clean exit."""
        os.kill(self.proc.pid, signal.SIGTERM)
        return self.wait_exit(timeout)

    def wait_exit(self, timeout=DEFAULT_TIMEOUT):
        try:
            status = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise TestFailure(f'rapport did not exit within {timeout:g} s')
        check(status == 0, f'rapport exited with status {status}')
        self.acc = None
        return status

    def kill(self):
        """Cleanup: ends the process group if it is still there."""
        if self.proc is not None and self.proc.returncode is None:
            kill_group(self.proc, signal.SIGKILL, 5)

    def log_tail(self, lines=20):
        if not self.log_path or not os.path.exists(self.log_path):
            return []
        with open(self.log_path, 'rb') as f:
            text = f.read().decode('utf-8', 'replace')
        return text.splitlines()[-lines:]


# Pointer and keyboard, where AT-SPI has no action (GTK 4.8: list rows,
# the keyboard navigation of a popover's list)

def xdotool(*args):
    """Runs xdotool on the test's X display; its output."""
    if shutil.which('xdotool') is None:
        raise TestFailure('xdotool is needed to click rows and press keys (Debian: xdotool)')
    try:
        result = subprocess.run(['xdotool', *args], stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, timeout=10)
    except subprocess.TimeoutExpired:
        raise TestFailure(f'xdotool {" ".join(args)} did not finish within 10 s')
    if result.returncode != 0:
        raise TestFailure(f'xdotool {" ".join(args)} failed: {result.stderr.strip()}')
    return result.stdout


def visible_x_windows(pid, title=None):
    """The ids of the mapped X windows of process @pid (titled @title)."""
    args = ['search', '--all', '--onlyvisible', '--pid', str(pid)]
    if title is not None:
        args += ['--name', f'^{re.escape(title)}$']
    if shutil.which('xdotool') is None:
        raise TestFailure('xdotool is needed to look for windows (Debian: xdotool)')
    # "search" exits 1 when it finds nothing: that is an answer, not an error.
    result = subprocess.run(['xdotool', *args], stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=10)
    if result.returncode not in (0, 1):
        raise TestFailure(f'xdotool {" ".join(args)} failed: {result.stderr.strip()}')
    return result.stdout.split()


def x_window(app, title):
    """The X window id of @app's visible top-level titled @title."""
    def find():
        found = visible_x_windows(app.proc.pid, title)
        check(len(found) == 1, f'{len(found)} X windows titled {title!r}')
        return found[0]
    return wait_for(find, f'the X window {title!r}')


def is_shown(acc):
    """Whether @acc is laid out (GTK 4.8 sets no "showing" state)."""
    box = acc.queryComponent().getExtents(1)
    return box.width > 0 and box.height > 0


def click(app, window, acc):
    """Clicks the middle of @acc, inside the top-level @window, with the pointer.

    GTK 4.8 gives extents relative to the window widget, whose X window is
    larger by the border of client-side decorations on every side.  (Not for
    widgets inside a popover: their extents are not window coordinates.)"""
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
    # A window that appeared under a pointer that did not move since gets no
    # motion, and GTK 4.8 then ignores the click: always move there (from
    # next door if the pointer is there already: --sync would wait forever
    # for a move to where the pointer already is).
    here = dict(line.split('=', 1) for line in xdotool('getmouselocation', '--shell').split())
    if (int(here['X']), int(here['Y'])) == (x, y):
        xdotool('mousemove', '--sync', str(x + 1), str(y + 1))
    xdotool('mousemove', '--sync', str(x), str(y))
    xdotool('click', '1')


def focus_window(app, title):
    """Gives @app's top-level @title the keyboard focus (there is no window
    manager on the test's display)."""
    xdotool('windowfocus', '--sync', x_window(app, title))


def press_keys(*keys):
    """Presses @keys (e.g. "Tab", "ctrl+l") in the window that has the focus."""
    xdotool('key', '--clearmodifiers', *keys)


# TAP

class Config:
    def __init__(self, binary, schema_dir, app_id=DEFAULT_APP_ID):
        self.binary = binary
        self.schema_dir = schema_dir
        self.app_id = app_id


def parse_args(argv):
    import argparse
    parser = argparse.ArgumentParser(description='Rapport end-to-end tests (TAP)')
    parser.add_argument('--binary', default=os.environ.get('RAPPORT_BINARY'))
    parser.add_argument('--schema-dir', default=os.environ.get('RAPPORT_SCHEMA_DIR'))
    parser.add_argument('--app-id', default=os.environ.get('RAPPORT_APP_ID', DEFAULT_APP_ID))
    parser.add_argument('--bus-launcher', default=os.environ.get('AT_SPI_BUS_LAUNCHER',
                                                                 DEFAULT_BUS_LAUNCHER))
    parser.add_argument('only', nargs='*', help='run only the scenarios with these numbers')
    args = parser.parse_args(argv)
    if not args.binary or not args.schema_dir:
        parser.error('--binary and --schema-dir (or RAPPORT_BINARY, RAPPORT_SCHEMA_DIR) are needed')
    return args


class Scenario:
    """What one TAP case gets: its profile, and the apps it started."""

    def __init__(self, config, bus):
        self.config = config
        self.bus = bus
        self.profile = Profile()
        self.apps = []
        self.helpers = []
        # Files whose ends are shown when the scenario fails.
        self.logs = []

    def start_app(self, args=(), accessible=True):
        app = App(self.config, self.bus, self.profile, args)
        self.apps.append(app)
        return app.start(accessible=accessible)

    def spawn(self, argv, name):
        """Starts a helper process (a mock D-Bus service, say) for this
        scenario, its output in <profile>/<name>.log; it is ended with the
        scenario, by its PID (its process group)."""
        log_path = os.path.join(self.profile.root, f'{name}.log')
        with open(log_path, 'wb') as log:
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log,
                                    stderr=subprocess.STDOUT, start_new_session=True,
                                    preexec_fn=_die_with_parent)
        proc.log_path = log_path
        self.helpers.append(proc)
        self.logs.append(log_path)
        return proc

    def cleanup(self):
        for app in self.apps:
            app.kill()
        for proc in self.helpers:
            if proc.returncode is None:
                kill_group(proc, signal.SIGTERM, 5)
        self.profile.remove()


def diag(message):
    for line in str(message).splitlines() or ['']:
        print(f'# {line}', flush=True)


def _file_tail(path, lines=20):
    if not path or not os.path.exists(path):
        return []
    with open(path, 'rb') as f:
        text = f.read().decode('utf-8', 'replace')
    return text.splitlines()[-lines:]


class Interrupted(BaseException):
    """meson test's timeout (SIGTERM) or Ctrl+C: stop, but clean up first."""


def _interrupt(signum, frame):
    raise Interrupted(f'stopped by signal {signum}')


def run_tap(scenarios, argv=None):
    """Runs @scenarios, a list of (description, function(Scenario)), as TAP."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    config = Config(os.path.abspath(args.binary), os.path.abspath(args.schema_dir), args.app_id)
    selected = [(i + 1, d, f) for i, (d, f) in enumerate(scenarios)
                if not args.only or str(i + 1) in args.only]

    # Not skips: build-aux/run-tests.sh provides both, so a missing one is a
    # broken setup, not something this machine cannot do.
    if not os.environ.get('DISPLAY'):
        print('Bail out! no X display: run under xvfb-run (build-aux/run-tests.sh does)', flush=True)
        return 1
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        print('Bail out! no session bus: run under dbus-run-session', flush=True)
        return 1

    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)

    print(f'1..{len(selected)}', flush=True)
    bus = AtSpiBus(args.bus_launcher)
    failed = 0
    try:
        try:
            bus.start()
        except Exception as e:  # noqa: BLE001
            print(f'Bail out! could not start the accessibility bus: {e}', flush=True)
            return 1
        for number, description, function in selected:
            scenario = Scenario(config, bus)
            started = time.monotonic()
            ok = False
            try:
                try:
                    function(scenario)
                    ok = True
                except TestFailure as e:
                    error = str(e)
                except Exception:  # noqa: BLE001
                    error = traceback.format_exc()
                elapsed = time.monotonic() - started
                if ok:
                    print(f'ok {number} - {description}', flush=True)
                else:
                    failed += 1
                    print(f'not ok {number} - {description}', flush=True)
                    diag(error)
                    for app in scenario.apps:
                        tail = app.log_tail()
                        if tail:
                            diag(f'output of rapport (pid {app.proc.pid}):')
                            for line in tail:
                                diag('  ' + line)
                    for path in scenario.logs:
                        tail = _file_tail(path)
                        if tail:
                            diag(f'{os.path.basename(path)}:')
                            for line in tail:
                                diag('  ' + line)
                diag(f'{elapsed:.1f} s')
            finally:
                scenario.cleanup()
    except Interrupted as e:
        print(f'Bail out! {e}', flush=True)
        return 1
    finally:
        bus.stop()
    return 1 if failed else 0
