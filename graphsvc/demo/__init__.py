"""A deterministic demo municipality for graphsvc: a fictional Danish municipality with young
people, schools, clubs, associations, businesses, services, foundations, target groups and
initiatives, and four gaps planted on purpose for gap and broker reports to find.

    >>> from graphsvc.demo import generate_demo, PLANTED_GAPS
    >>> network = generate_demo(size="small", seed=2635)
    >>> PLANTED_GAPS.lone_broker
    'club-kirke-hvidinge'
"""

from .gaps import PLANTED_GAPS, DemoGaps, planted_gaps
from .generator import DEFAULT_SEED, count_ties, generate_demo
from .sizes import SIZES, SizeSpec

__all__ = [
    "DEFAULT_SEED",
    "PLANTED_GAPS",
    "SIZES",
    "DemoGaps",
    "SizeSpec",
    "count_ties",
    "generate_demo",
    "planted_gaps",
]
