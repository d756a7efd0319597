#!/usr/bin/env python3
"""Writes a seeded stratified two-stage survey sample as CSV (for the whole-process read benchmarks).

Usage: make_survey_csv.py ROWS OUT.csv [SEED]
50 strata, 2,000 PSUs per 1,000,000 rows (at least 100), 5 SSUs per PSU; columns
stratum,psu,ssu,w,y,x,region. Data files are not committed: generate them where needed.
"""
import random
import sys


def main():
    rows = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261203)
    n_psu = max(100, rows * 2000 // 1_000_000)
    per_psu = rows // n_psu
    with open(out, "w", newline="") as f:
        f.write("stratum,psu,ssu,w,y,x,region\n")
        written = 0
        for p in range(n_psu):
            stratum = p % 50 + 1
            w_psu = 50 + rng.random() * 400
            k = per_psu if p < n_psu - 1 else rows - written
            lines = []
            for i in range(k):
                ssu = i % 5 + 1
                w = w_psu * (1 + rng.random())
                y = rng.gauss(stratum, 3)
                x = rng.random()
                lines.append("%d,%d,%d,%.4f,%.6f,%.5f,R%d\n" % (stratum, p + 1, ssu, w, y, x, stratum % 6))
            f.write("".join(lines))
            written += k


if __name__ == "__main__":
    main()
