#!/usr/bin/env python3
"""Writes a small synthetic sample in the format of the UCI Online Retail export, for demos and tests.

Output (beside this script, in data/):
  uk-retail-sample.csv           the transactions, in exactly the format of
                                 /work/shared/data/uk-retail/online-retail-dataset.csv.gz:
                                 InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                                 with InvoiceDate as "yyyy-MM-dd HH:mm:ss" and CustomerID as a float ("20000.0")
  uk-retail-sample.segments.csv  customer,planted_segment: the behaviour planted for each customer

What it plants: 300 customers, ids 20000-20299, assigned to four behaviours in shuffled order (the id
says nothing about the segment), over 2010-12-01 .. 2011-12-09 (the real export's span; no trading on
Saturdays nor from 2010-12-24 to 2011-01-03, as in the real data). Recency below is counted in whole
days (rounded down) to 2011-12-10, the day after the last transaction, as the RFM stage does by default.
Frequency alone separates one-timers (1), dormant (2-4), regulars (5-8) and champions (14-18); recency and
monetary value separate them as well.

  champion   24 customers  frequent high spenders: 14-18 orders spread over the whole year, the last
                           one in the final 10 days; 3-5 lines per order in wholesale quantities
                           (12-96 units): recency under 10 days, thousands in total
  regular    84 customers  5-8 orders spread over the year, the last one in the final 60 days;
                           1-3 lines of 1-12 units: recency under 60 days, tens to hundreds in total
  one-timer  108 customers a single order between 2011-08-01 and 2011-11-30, 1-2 lines of 1-6 units:
                           frequency 1, recency 9-131 days, up to about a hundred in total
  dormant    84 customers  2-4 orders, all between 2010-12-01 and 2011-03-31, 1-3 lines of 1-12 units:
                           recency over 250 days

A little of the dirt the real export has (each row is counted by the uk-retail source under its reason):
  - 2 guest invoices of 3 lines each with an empty CustomerID     -> "missing CustomerID" (6 rows)
  - 5 cancellations "C<number>" of one line of an earlier order of a champion or regular, with the
    negative quantity                                               -> "cancelled invoice" (5 rows)
  - 2 free lines (UnitPrice 0.0) added to orders of regulars        -> "unit price <= 0" (2 rows)
Descriptions include a comma and a double quote, so some fields are quoted as in the real file.

Deterministic: a fixed seed and no dependence on the clock or the environment; python3 standard library
only. Run it again to rebuild the same files byte for byte:  python3 make_uk_retail_sample.py
"""

import csv
import datetime as dt
import os
import random
import sys
from pathlib import Path

SEED = 20101201
FIRST_ID = 20000
START = dt.date(2010, 12, 1)
END = dt.date(2011, 12, 9)
CLOSED = (dt.date(2010, 12, 24), dt.date(2011, 1, 3))  # the real shop's Christmas break
FIRST_INVOICE = 536365

SEGMENTS = [("champion", 24), ("regular", 84), ("one-timer", 108), ("dormant", 84)]

# (StockCode, Description, UnitPrice): made-up gift-shop items priced like the real catalogue.
CATALOGUE = [
    ("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 2.55),
    ("71053", "WHITE METAL LANTERN", 3.39),
    ("84406B", "CREAM CUPID HEARTS COAT HANGER", 2.75),
    ("22752", "SET 7 BABUSHKA NESTING BOXES", 7.65),
    ("21730", "GLASS STAR FROSTED T-LIGHT HOLDER", 4.25),
    ("22633", "HAND WARMER UNION JACK", 1.85),
    ("22632", "HAND WARMER RED POLKA DOT", 1.85),
    ("84879", "ASSORTED COLOUR BIRD ORNAMENT", 1.69),
    ("22745", "POPPY'S PLAYHOUSE BEDROOM", 2.1),
    ("22748", "POPPY'S PLAYHOUSE KITCHEN", 2.1),
    ("22310", "IVORY KNITTED MUG COSY", 1.65),
    ("84969", "BOX OF 6 ASSORTED COLOUR TEASPOONS", 4.25),
    ("22623", "BOX OF VINTAGE JIGSAW BLOCKS", 4.95),
    ("21754", "HOME BUILDING BLOCK WORD", 5.95),
    ("21755", "LOVE BUILDING BLOCK WORD", 5.95),
    ("22960", "JAM MAKING SET WITH JARS", 4.25),
    ("22720", "SET OF 3 CAKE TINS PANTRY DESIGN", 4.95),
    ("21212", "PACK OF 72 RETROSPOT CAKE CASES", 0.55),
    ("85099B", "JUMBO BAG RED RETROSPOT", 1.95),
    ("20725", "LUNCH BAG RED RETROSPOT", 1.65),
    ("22386", "JUMBO BAG PINK POLKADOT", 1.95),
    ("47566", "PARTY BUNTING", 4.65),
    ("23084", "RABBIT NIGHT LIGHT", 2.08),
    ("22197", "SMALL POPCORN HOLDER", 0.85),
    ("22423", "REGENCY CAKESTAND 3 TIER", 12.75),
    ("22086", "PAPER CHAIN KIT 50'S CHRISTMAS ", 2.95),
    ("82567", "AIRLINE LOUNGE,METAL SIGN", 2.1),
    ("22041", 'RECORD FRAME 7" SINGLE SIZE ', 2.55),
    ("21506", "FANCY FONT BIRTHDAY CARD, ", 0.42),
    ("22139", "RETROSPOT TEA SET CERAMIC 11 PC ", 4.95),
    ("21977", "PACK OF 60 PINK PAISLEY CAKE CASES", 0.55),
    ("22457", "NATURAL SLATE HEART CHALKBOARD ", 2.95),
    ("22469", "HEART OF WICKER SMALL", 1.65),
    ("22470", "HEART OF WICKER LARGE", 2.95),
    ("23203", "JUMBO BAG VINTAGE DOILY ", 2.08),
    ("22666", "RECIPE BOX PANTRY YELLOW DESIGN", 2.95),
    ("22727", "ALARM CLOCK BAKELIKE RED ", 3.75),
    ("22726", "ALARM CLOCK BAKELIKE GREEN", 3.75),
    ("21034", "REX CASH+CARRY JUMBO SHOPPER", 0.95),
    ("POST", "POSTAGE", 18.0),
]

COUNTRIES = ["United Kingdom"] * 17 + ["Germany", "France", "EIRE", "Netherlands", "Spain", "Belgium"]

HEADER = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID",
          "Country"]


def trading_days():
    days = []
    d = START
    while d <= END:
        if d.weekday() != 5 and not (CLOSED[0] <= d <= CLOSED[1]):
            days.append(d)
        d += dt.timedelta(days=1)
    return days


DAYS = trading_days()


def days_between(first, last):
    return [d for d in DAYS if first <= d <= last]


def at_time(rng, day):
    """A time of day in shop hours, whole minutes as in the real export."""
    return dt.datetime(day.year, day.month, day.day, rng.randint(8, 19), rng.randint(0, 59))


def spread(rng, days, n):
    """n distinct days drawn from n equal slices of the list, so the orders cover the whole span."""
    picked = []
    for i in range(n):
        lo = len(days) * i // n
        hi = max(lo + 1, len(days) * (i + 1) // n)
        picked.append(days[rng.randrange(lo, hi)])
    return picked


def lines(rng, count, quantities):
    items = rng.sample(CATALOGUE[:-1], count)  # POSTAGE only where added on purpose
    return [(stock, desc, rng.choice(quantities), price) for stock, desc, price in items]


def plan_orders(rng, segment):
    """The orders of one customer as (datetime, [(stock, description, quantity, price)])."""
    orders = []
    if segment == "champion":
        n = rng.randint(14, 18)
        days = spread(rng, days_between(START, END - dt.timedelta(days=10)), n - 1)
        days.append(rng.choice(days_between(END - dt.timedelta(days=9), END)))
        for d in days:
            items = lines(rng, rng.randint(3, 5), [12, 24, 24, 36, 48, 72, 96])
            if rng.random() < 0.3:
                items.append(("POST", "POSTAGE", 1, 18.0))
            orders.append((at_time(rng, d), items))
    elif segment == "regular":
        n = rng.randint(5, 8)
        days = spread(rng, days_between(START, END - dt.timedelta(days=60)), n - 1)
        days.append(rng.choice(days_between(END - dt.timedelta(days=59), END)))
        for d in days:
            orders.append((at_time(rng, d), lines(rng, rng.randint(1, 3), [1, 2, 3, 4, 6, 12])))
    elif segment == "one-timer":
        d = rng.choice(days_between(dt.date(2011, 8, 1), dt.date(2011, 11, 30)))
        orders.append((at_time(rng, d), lines(rng, rng.randint(1, 2), [1, 2, 3, 4, 6])))
    elif segment == "dormant":
        n = rng.randint(2, 4)
        for d in sorted(rng.sample(days_between(START, dt.date(2011, 3, 31)), n)):
            orders.append((at_time(rng, d), lines(rng, rng.randint(1, 3), [1, 2, 3, 4, 6, 12])))
    else:
        raise ValueError(segment)
    return orders


def fmt_price(price):
    return repr(float(price))  # 2.55, 18.0, 0.0: as the shared export writes them


def fmt_customer(customer):
    return "" if customer is None else "%d.0" % customer


def build(rng):
    ids = list(range(FIRST_ID, FIRST_ID + sum(n for _, n in SEGMENTS)))
    shuffled = ids[:]
    rng.shuffle(shuffled)
    planted = {}
    pos = 0
    for name, n in SEGMENTS:
        for c in shuffled[pos:pos + n]:
            planted[c] = name
        pos += n

    # invoices: (datetime, tiebreak, customer or None, cancelled?, [(stock, desc, qty, price)])
    invoices = []
    country = {}
    for c in ids:
        country[c] = rng.choice(COUNTRIES)
        for when, items in plan_orders(rng, planted[c]):
            invoices.append([when, c, False, items])

    # dirt 1: free lines (price 0.0) added to two orders of regulars
    regular_orders = [inv for inv in invoices if planted[inv[1]] == "regular"]
    for inv in rng.sample(regular_orders, 2):
        stock, desc, _ = rng.choice(CATALOGUE[:-1])
        inv[3] = inv[3] + [(stock, desc, rng.choice([1, 2, 6, 12]), 0.0)]

    # dirt 2: cancellations of one line of earlier orders of champions and regulars, 1-3 days later
    candidates = [inv for inv in invoices
                  if planted[inv[1]] in ("champion", "regular") and inv[0].date() <= END - dt.timedelta(days=3)]
    for inv in rng.sample(candidates, 5):
        stock, desc, qty, price = rng.choice([item for item in inv[3] if item[3] > 0])
        when = inv[0] + dt.timedelta(days=rng.randint(1, 3), minutes=rng.randint(0, 120))
        invoices.append([when, inv[1], True, [(stock, desc, -qty, price)]])

    # dirt 3: guest orders without a customer
    for d in rng.sample(DAYS, 2):
        invoices.append([at_time(rng, d), None, False, lines(rng, 3, [1, 2, 4])])

    invoices.sort(key=lambda inv: (inv[0], -1 if inv[1] is None else inv[1], inv[2]))
    rows = []
    for number, (when, customer, cancelled, items) in enumerate(invoices, start=FIRST_INVOICE):
        invoice = ("C" if cancelled else "") + str(number)
        for stock, desc, qty, price in items:
            rows.append([invoice, stock, desc, str(qty), when.strftime("%Y-%m-%d %H:%M:%S"), fmt_price(price),
                         fmt_customer(customer), "United Kingdom" if customer is None else country[customer]])
    return rows, planted


def write_atomically(path, rows):
    """Writes to a temporary name and moves it into place, so a reader never sees half a file."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    os.replace(tmp, path)


def summary(rows):
    """The figures the uk-retail source must report for this file (same rules, same order)."""
    counts = {"missing CustomerID": 0, "cancelled invoice": 0, "quantity <= 0": 0, "unit price <= 0": 0}
    kept = 0
    revenue = 0.0
    customers = set()
    for invoice, _, _, qty, _, price, customer, _ in rows:
        if customer == "":
            counts["missing CustomerID"] += 1
        elif invoice.startswith("C"):
            counts["cancelled invoice"] += 1
        elif int(qty) <= 0:
            counts["quantity <= 0"] += 1
        elif float(price) <= 0:
            counts["unit price <= 0"] += 1
        else:
            kept += 1
            revenue += int(qty) * float(price)
            customers.add(customer)
    return counts, kept, len(customers), revenue


def main():
    out = Path(__file__).resolve().parent / "data"
    out.mkdir(parents=True, exist_ok=True)
    rows, planted = build(random.Random(SEED))
    write_atomically(out / "uk-retail-sample.csv", [HEADER] + rows)
    write_atomically(out / "uk-retail-sample.segments.csv",
                     [["customer", "planted_segment"]] + [[str(c), planted[c]] for c in sorted(planted)])
    counts, kept, customers, revenue = summary(rows)
    print("wrote %s: %d rows, %d kept, %d customers, revenue %.2f" % (out / "uk-retail-sample.csv", len(rows),
                                                                     kept, customers, revenue))
    for reason, n in counts.items():
        print("  %-20s %d" % (reason, n))
    for name, n in SEGMENTS:
        print("  planted %-10s %d" % (name, n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
