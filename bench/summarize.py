"""Print two tools' rates per round, their medians, minima and maxima, and
the ratio of the medians: the closing table of the bench/ scripts.

    python3 bench/summarize.py UNIT NAME_A RATE,RATE,... NAME_B RATE,RATE,...
"""

import statistics
import sys


def main(argv):
    if len(argv) != 6:
        sys.exit("usage: summarize.py UNIT NAME_A RATES_A NAME_B RATES_B")
    unit, name_a, rates_a, name_b, rates_b = argv[1:]
    tools = [(name_a, [float(r) for r in rates_a.split(",")]),
             (name_b, [float(r) for r in rates_b.split(",")])]
    rounds = max(len(rates) for _, rates in tools)
    width = max(len(name) for name, _ in tools) + 2
    head = [f"round {i + 1}" for i in range(rounds)] + ["median", "min", "max"]
    print(f"{unit:<{width}}" + "".join(f"{h:>12}" for h in head))
    medians = []
    for name, rates in tools:
        medians.append(statistics.median(rates))
        cells = rates + [medians[-1], min(rates), max(rates)]
        print(f"{name:<{width}}" + "".join(f"{c:>12,.0f}" for c in cells))
    print(f"ratio of medians ({name_a} / {name_b}): {medians[0] / medians[1]:.2f}")


if __name__ == "__main__":
    main(sys.argv)
