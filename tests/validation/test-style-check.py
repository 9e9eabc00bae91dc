#!/usr/bin/env python3
# test-style-check.py: build-aux/style-check-diff reports the rules broken
# by the lines a change adds, and nothing that was there before.
#
# Copyright 2026 The Loadwise developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-style-check.py STYLE_CHECK_DIFF
#
# Works in a throwaway git repository: a first commit on main holds a file
# that already breaks every rule, a second one on a branch adds lines,
# some clean and some not. The check must list exactly the new offences.

import os
import subprocess
import sys
import tempfile

BEFORE = '''/* old.c: already out of style, and must stay unreported */
static int
old(void)
{
\treturn call(1);   
}
'''

# Line numbers below count from 1 in the new file.
ADDED = '''
static int
loadwise_clean (int   a,
                char *b)
{
  g_autofree char *text = g_strdup_printf (_("%d items"), a);

  if (a > 0 &&
      b != NULL)
    return strlen (b);
  for (int i = 0;
       i < a;
       i++)
    g_print ("%s\\n", text);
  return 0;
}

#define TWICE(x) ((x) * 2)

static int
bad(int a)
{
\treturn a;
  return a; 
   return a;
  return xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx;
  g_print ("a long line that is a message, which is never split for the sake of the limit, is allowed\\n");
}
'''

EXPECTED = [
    'src/old.c:27: no space before the parenthesis of bad (',
    'src/old.c:29: a tab',
    'src/old.c:30: trailing whitespace',
    'src/old.c:31: indented by 3 spaces (two per level)',
    'src/old.c:32: 123 columns (at most 120)',
]


def run(*args, cwd):
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True)


def main():
    script = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as repo:
        env = ['-c', 'user.name=Test', '-c', 'user.email=test@example.org']
        os.mkdir(os.path.join(repo, 'src'))
        path = os.path.join(repo, 'src', 'old.c')
        with open(path, 'w') as f:
            f.write(BEFORE)
        for cmd in (['init', '-q', '-b', 'main'], ['add', '.'], env + ['commit', '-q', '-m', 'old']):
            r = run('git', *cmd, cwd=repo)
            assert r.returncode == 0, r.stderr
        # Nothing changed yet: nothing to report, though old.c breaks rules.
        r = run(script, 'main', cwd=repo)
        assert r.returncode == 0, r.stdout + r.stderr
        with open(path, 'a') as f:
            f.write(ADDED)
        r = run(script, cwd=repo)  # no BASE: falls back to main
        problems = [l for l in r.stdout.split('\n') if l.startswith('src/')]
        if problems != EXPECTED or r.returncode != 1:
            print('expected, exit 1:\n  ' + '\n  '.join(EXPECTED))
            print('got, exit %d:\n  %s' % (r.returncode, '\n  '.join(problems)))
            print(r.stderr)
            return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
