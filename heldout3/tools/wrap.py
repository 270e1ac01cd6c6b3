import sys, textwrap
src, dst = sys.argv[1], sys.argv[2]
out = []
for line in open(src, encoding='utf-8').read().split('\n'):
    if len(line) > 80:
        out.extend(textwrap.wrap(line, 74, break_long_words=False, break_on_hyphens=False))
    else:
        out.append(line)
open(dst, 'w', encoding='utf-8').write('\n'.join(out))
