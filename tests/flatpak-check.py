#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest without Flatpak.

Usage: flatpak-check.py SOURCE_DIR BUILD_DIR

The manifest must name the same application ID as every data file, keep to
the agreed sandbox permissions and the GNOME 50 runtime; then Rapport is
configured the way flatpak-builder configures it (prefix /app, the
manifest's config-opts), built, installed into a temporary DESTDIR, and the
installed tree must hold everything a Flatpak exports. Prints TAP, one case
per check.
"""

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MANIFEST = os.path.join('flatpak', 'io.github.rapportapp.Rapport.json')

# Files through portals, notifications through libnotify's portal backend,
# running in the background through the Background portal: nothing else.
ALLOWED_FINISH_ARGS = ['--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri']
RUNTIME_VERSION = '50'


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, ok, name, why=''):
        self.n += 1
        if ok:
            print(f'ok {self.n} - {name}', flush=True)
        else:
            self.failed += 1
            print(f'not ok {self.n} - {name}', flush=True)
            for line in str(why).splitlines():
                print(f'# {line}', flush=True)
        return ok

    def done(self):
        print(f'1..{self.n}', flush=True)
        return 1 if self.failed else 0


def read(path):
    try:
        with open(path, encoding='utf-8') as f:
            return f.read()
    except OSError:
        return None


def desktop_key(text, group, key):
    current = None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith('[') and line.endswith(']'):
            current = line[1:-1]
        elif current == group and '=' in line:
            k, v = line.split('=', 1)
            if k.strip() == key:
                return v.strip()
    return None


def metainfo_id(text):
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        return f'(unparsable: {e})'
    node = root.find('id')
    return node.text.strip() if node is not None and node.text else None


def check_data_ids(tap, where, data_dir, app_id, templates):
    """The desktop file, metainfo and D-Bus service in @data_dir carry @app_id."""
    # The templates are named after the stable ID and say @APP_ID@ inside.
    expect = '@APP_ID@' if templates else app_id
    twice, once = ('.in.in', '.in') if templates else ('', '')

    desktop_name = f'{app_id}.desktop{twice}'
    desktop = read(os.path.join(data_dir, desktop_name))
    listing = ', '.join(sorted(os.listdir(data_dir))) if os.path.isdir(data_dir) else 'no such folder'
    tap.check(desktop is not None, f'{where}: the desktop file is {desktop_name}', f'{data_dir} has: {listing}')

    metainfo = read(os.path.join(data_dir, f'{app_id}.metainfo.xml{twice}'))
    got = metainfo_id(metainfo) if metainfo is not None else None
    tap.check(got == expect, f'{where}: metainfo <id> is {expect}', f'found {got!r}')
    if metainfo is not None and not templates:
        root = ET.fromstring(metainfo)
        launchable = root.find('launchable')
        got = launchable.text.strip() if launchable is not None and launchable.text else None
        tap.check(got == f'{app_id}.desktop', f'{where}: metainfo launchable is {app_id}.desktop', f'found {got!r}')

    service = read(os.path.join(data_dir, f'{app_id}.service{once}'))
    got = desktop_key(service, 'D-BUS Service', 'Name') if service is not None else None
    tap.check(got == expect, f'{where}: D-Bus service Name is {expect}', f'found {got!r}')


def run(tap, name, argv, log):
    with open(log, 'a', encoding='utf-8') as out:
        out.write('$ ' + ' '.join(argv) + '\n')
        out.flush()
        result = subprocess.run(argv, stdout=out, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        with open(log, encoding='utf-8', errors='replace') as f:
            tail = ''.join(f.readlines()[-25:])
        return tap.check(False, name, f'{" ".join(argv)} exited with {result.returncode}\n{tail}')
    return tap.check(True, name)


def main():
    if len(sys.argv) != 3:
        print('usage: flatpak-check.py SOURCE_DIR BUILD_DIR', file=sys.stderr)
        return 2
    src, build = (os.path.abspath(a) for a in sys.argv[1:3])
    tap = Tap()

    # The manifest itself

    try:
        with open(os.path.join(src, MANIFEST), encoding='utf-8') as f:
            manifest = json.load(f)
        tap.check(True, f'{MANIFEST} parses')
    except (OSError, ValueError) as e:
        tap.check(False, f'{MANIFEST} parses', e)
        return tap.done()

    app_id = manifest.get('id', manifest.get('app-id'))
    tap.check(isinstance(app_id, str) and app_id != '', 'the manifest names an app ID', f'id: {app_id!r}')
    app_id = app_id or '?'

    meson_build = read(os.path.join(src, 'meson.build')) or ''
    m = re.search(r"^app_id\s*=\s*'([^']+)'", meson_build, re.M)
    tap.check(m is not None and m.group(1) == app_id, 'the app ID is the one meson.build sets',
              f'meson.build: {m.group(1) if m else None!r}, manifest: {app_id!r}')

    tap.check(manifest.get('runtime') == 'org.gnome.Platform' and manifest.get('sdk') == 'org.gnome.Sdk',
              'runtime org.gnome.Platform, SDK org.gnome.Sdk',
              f'runtime {manifest.get("runtime")!r}, sdk {manifest.get("sdk")!r}')
    tap.check(manifest.get('runtime-version') == RUNTIME_VERSION, f'runtime-version is "{RUNTIME_VERSION}"',
              f'found {manifest.get("runtime-version")!r}')
    tap.check(manifest.get('command') == 'rapport', 'command is rapport', f'found {manifest.get("command")!r}')

    finish_args = manifest.get('finish-args', [])
    extra = [a for a in finish_args if a not in ALLOWED_FINISH_ARGS]
    missing = [a for a in ALLOWED_FINISH_ARGS if a not in finish_args]
    tap.check(not extra and not missing and len(finish_args) == len(set(finish_args)),
              'finish-args are exactly ' + ' '.join(ALLOWED_FINISH_ARGS),
              f'not allowed: {extra}; missing: {missing}; as given: {finish_args}')

    modules = {m.get('name'): m for m in manifest.get('modules', []) if isinstance(m, dict)}
    libical = modules.get('libical', {})
    sources = libical.get('sources', [])
    pinned = [s for s in sources if s.get('type') == 'archive' and re.fullmatch(r'https://\S+', s.get('url', ''))
              and re.fullmatch(r'[0-9a-f]{64}', s.get('sha256', ''))]
    tap.check(libical.get('buildsystem', '').startswith('cmake') and len(pinned) == 1 and len(sources) == 1,
              'libical is built with cmake from one release tarball pinned by sha256', json.dumps(libical, indent=1))

    app = modules.get('rapport', {})
    app_sources = app.get('sources', [])
    tap.check(app.get('buildsystem') == 'meson' and app.get('builddir') is True and app.get('run-tests') is False
              and len(app_sources) == 1 and app_sources[0].get('type') == 'dir' and app_sources[0].get('path') == '..',
              'rapport is built with meson in a build directory from the checkout, tests not run',
              json.dumps(app, indent=1))
    names = [m.get('name') for m in manifest.get('modules', []) if isinstance(m, dict)]
    tap.check(names[-1:] == ['rapport'], 'rapport is the last module', f'modules: {names}')

    # The data files in the source tree and in the build tree

    check_data_ids(tap, 'source data/', os.path.join(src, 'data'), app_id, templates=True)
    check_data_ids(tap, 'build data/', os.path.join(build, 'data'), app_id, templates=False)

    # Configure, build and install the way flatpak-builder does

    meson = shutil.which('meson')
    ninja = shutil.which('ninja') or shutil.which('ninja-build')
    if not tap.check(meson is not None and ninja is not None, 'meson and ninja are installed'):
        return tap.done()

    tmp = tempfile.mkdtemp(prefix='rapport-flatpak-check-')
    try:
        b, d = os.path.join(tmp, 'b'), os.path.join(tmp, 'd')
        log = os.path.join(tmp, 'log')
        config_opts = [str(o) for o in app.get('config-opts', [])]
        ok = run(tap, 'meson setup --prefix=/app with the manifest\'s config-opts',
                 [meson, 'setup', '--prefix=/app', b, src] + config_opts, log)
        ok = ok and run(tap, 'the app builds', [ninja, '-C', b, '-j2'], log)
        ok = ok and run(tap, 'meson install --destdir', [meson, 'install', '-C', b, '--no-rebuild', '--destdir', d], log)
        if not ok:
            return tap.done()

        root = os.path.join(d, 'app')
        for rel in [f'share/applications/{app_id}.desktop',
                    f'share/metainfo/{app_id}.metainfo.xml',
                    f'share/icons/hicolor/scalable/apps/{app_id}.svg',
                    f'share/icons/hicolor/symbolic/apps/{app_id}-symbolic.svg',
                    f'share/glib-2.0/schemas/{app_id}.gschema.xml',
                    f'share/dbus-1/services/{app_id}.service']:
            path = os.path.join(root, rel)
            tap.check(os.path.isfile(path) and os.path.getsize(path) > 0, f'installs {rel}')

        linguas = (read(os.path.join(src, 'po', 'LINGUAS')) or '').split()
        mos = sorted(os.path.relpath(p, root) for p in glob.glob(os.path.join(root, 'share/locale/*/LC_MESSAGES/rapport.mo')))
        want = [f'share/locale/{lang}/LC_MESSAGES/rapport.mo' for lang in linguas]
        tap.check(mos and all(w in mos for w in want), 'installs share/locale/*/LC_MESSAGES/rapport.mo for every language in po/LINGUAS',
                  f'installed: {mos}; po/LINGUAS: {linguas}')

        binary = os.path.join(root, 'bin', 'rapport')
        tap.check(os.path.isfile(binary) and os.access(binary, os.X_OK), 'installs bin/rapport')

        # flatpak exports these, and D-Bus activation runs the service's Exec
        # inside the sandbox, where the app is under /app.
        service = read(os.path.join(root, f'share/dbus-1/services/{app_id}.service')) or ''
        exec_line = desktop_key(service, 'D-BUS Service', 'Exec') or ''
        tap.check(exec_line.split()[:1] == ['/app/bin/rapport'], 'the installed D-Bus service starts /app/bin/rapport',
                  f'Exec={exec_line}')
        desktop = read(os.path.join(root, f'share/applications/{app_id}.desktop')) or ''
        tap.check(desktop_key(desktop, 'Desktop Entry', 'Icon') == app_id, 'the installed desktop file\'s icon is the app ID',
                  f'Icon={desktop_key(desktop, "Desktop Entry", "Icon")}')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
