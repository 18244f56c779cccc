#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every language in po/LINGUAS must be translated completely:
#
#   tests/check-translations.sh [--no-extract] SOURCE_DIR
#
# For each language, `msgfmt --check --statistics` must pass and report no
# fuzzy or untranslated message, and no translation may be a copy of its
# English msgid (a string that was "translated" by pasting the English)
# unless the msgid is on the allow-list below.
#
# By default the catalogue is first merged (in a temporary folder; po/ is
# not touched) with a template freshly extracted from po/POTFILES.in, with
# the same xgettext arguments as meson's `rapport-pot` target, so a string
# added to the code but not yet to po/<lang>.po counts as missing too.
# --no-extract checks the .po files as they are.
set -eu

extract=yes
if [ "${1:-}" = "--no-extract" ]; then
  extract=no
  shift
fi
if [ $# -ne 1 ]; then
  echo "usage: $0 [--no-extract] SOURCE_DIR" >&2
  exit 2
fi
srcdir=$(cd "$1" && pwd)

# Translations that may rightly be the same as the English, one per line:
# "LANG|msgid", where LANG "*" means every language. Each with the reason.
allowed() {
  cat <<'EOF'
*|Rapport
*|LinkedIn
*|%s: %s
*|%s, %s
*|%s · %s
*| · 
*|%s — %s
*|%s (%s)
*|%s, %s–%s
*|00:00
*|:
es|General
es|Radio
es|No
es|%d min
EOF
}
# Rapport      the app's name is not translated
# LinkedIn     a brand name
# %s: %s       an appointment's kind and the person met ("Other: Ada Lovelace"): format only
# %s, %s       a day and a time ("Thu 3 Dec, 14:00"): format only
# %s · %s      two facts on one line: format only
#  ·           the separator between the parts of a referral: format only
# %s — %s      where a name was found, then more about it: format only
# %s (%s)      when a meeting is, then how long it lasts: format only
# %s, %s–%s    a day, then the start and end times of a meeting: format only
# 00:00        the clock of an interview timer that has not started
# :            the separator between hours and minutes
# es General   Spanish for the "General" preferences group is the same word
# es Radio     a kind of clipping; Spanish "radio" is the same word
# es No        the answer "No" is the same word in Spanish
# es %d min    "min" is the Spanish abbreviation of minutos as well

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rapport-translations-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

if [ "$extract" = yes ]; then
  # As meson's i18n.gettext(preset: 'glib') runs it.
  (cd "$srcdir" && xgettext --package-name=rapport -p "$tmp" -f po/POTFILES.in -D "$srcdir" -k_ -o rapport.pot \
      --from-code=UTF-8 --add-comments \
      --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
      --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
      --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
      --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
      --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
      --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
      --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
      --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
      --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format) \
    || { echo "xgettext could not extract the strings of po/POTFILES.in"; exit 1; }
fi

status=0
languages=$(sed 's/#.*//' "$srcdir/po/LINGUAS")
if [ -z "$(echo $languages)" ]; then
  echo "po/LINGUAS lists no language"
  exit 1
fi

for lang in $languages; do
  po="$srcdir/po/$lang.po"
  if [ ! -f "$po" ]; then
    echo "$lang: po/$lang.po is missing"
    status=1
    continue
  fi

  checked="$tmp/$lang.po"
  if [ "$extract" = yes ]; then
    msgmerge --quiet --no-fuzzy-matching --no-wrap -o "$checked" "$po" "$tmp/rapport.pot"
  else
    msgcat --no-wrap -o "$checked" "$po"
  fi

  if ! stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$checked" 2>&1); then
    echo "$lang: msgfmt --check failed:"
    echo "$stats"
    status=1
    continue
  fi
  echo "$lang: $stats"

  allowed | sed -n "s/^\\*|//p; s/^$lang|//p" >"$tmp/allowed"

  # One line per problem: "untranslated", "fuzzy" or "same as English",
  # with the msgid. Obsolete (#~) entries and the header are skipped.
  LC_ALL=C awk -v allowfile="$tmp/allowed" '
    function unq(s) { sub(/^"/, "", s); sub(/"$/, "", s); return s }
    function flush() {
      if (have && id != "") {
        same = (nstr > 0)
        for (i = 0; i < nstr; i++) {
          eng = (i == 0 || plural == "") ? id : plural
          if (str[i] == "") { problem = "untranslated" }
          if (str[i] != eng) { same = 0 }
        }
        if (nstr > 0 && str[0] == "") problem = "untranslated"
        if (problem == "" && fuzzy) problem = "fuzzy"
        if (problem == "" && same && !(id in allow)) problem = "same as English"
        if (problem != "") printf "  %s: \"%s\"%s\n", problem, id, (ctxt != "" ? " (context \"" ctxt "\")" : "")
      }
      have = 0; id = ""; plural = ""; ctxt = ""; nstr = 0; fuzzy = 0; problem = ""; key = ""
      delete str
    }
    BEGIN {
      while ((getline line < allowfile) > 0) allow[line] = 1
      have = 0
    }
    /^#~/ { next }
    /^#,/ { if (have && key != "") flush(); if ($0 ~ /fuzzy/) pendingfuzzy = 1; next }
    /^#/ { if (have && key != "") flush(); next }
    /^[ \t]*$/ { flush(); next }
    /^msgctxt / { if (have && key ~ /^msgstr/) flush(); have = 1; key = "ctxt"; ctxt = unq(substr($0, 9)); fuzzy = pendingfuzzy; pendingfuzzy = 0; next }
    /^msgid / { if (have && key ~ /^msgstr/) flush(); if (!have) { fuzzy = pendingfuzzy; pendingfuzzy = 0 } have = 1; key = "id"; id = unq(substr($0, 7)); next }
    /^msgid_plural / { key = "plural"; plural = unq(substr($0, 14)); next }
    /^msgstr\[/ { n = substr($0, 8) + 0; key = "str" n; str[n] = unq(substr($0, index($0, "]") + 2)); if (n + 1 > nstr) nstr = n + 1; next }
    /^msgstr / { key = "str0"; str[0] = unq(substr($0, 8)); nstr = 1; next }
    /^"/ {
      if (key == "ctxt") ctxt = ctxt unq($0)
      else if (key == "id") id = id unq($0)
      else if (key == "plural") plural = plural unq($0)
      else if (key ~ /^str/) { n = substr(key, 4) + 0; str[n] = str[n] unq($0) }
      next
    }
    END { flush() }
  ' "$checked" >"$tmp/problems"

  if [ -s "$tmp/problems" ]; then
    echo "$lang: $(wc -l <"$tmp/problems") message(s) not translated:"
    cat "$tmp/problems"
    status=1
  fi
done

exit $status
