"""The analytics of graphsvc: pure functions from a tenant's projected graph to frozen,
explainable results. No database, no web: ``services`` feeds them a projection.

    >>> from graphsvc.analytics import network_to_graph, rank_brokers, gap_report
    >>> from graphsvc.demo import generate_demo
    >>> G = network_to_graph(generate_demo(size="small"))
    >>> rank_brokers(G, area="area-kirke-hvidinge").brokers[0].node
    'club-kirke-hvidinge'

Modules: ``projection`` (the graph every job reads and its views), ``members`` (who is in a
target group), ``metrics`` (node centralities), ``structural_holes`` (Burt), ``brokerage``
(Gould & Fernandez), ``brokers`` (school → leisure brokers), ``reach`` and ``support`` (the
parts of the gap report), ``gaps`` (the gap report), ``recommendations`` and
``recruitment_list`` (whom to recruit), ``communities`` (Louvain), ``health`` (network-health
measures of a moment) and ``comparison`` (what changed between two moments), ``engines``
(NetworkX and the igraph fast path), ``wording`` (sentences, severities, labels), ``results``
(JSON-ready dicts). From report to action: ``scenario`` (a proposed change), ``graph_fork``
(a changed copy of a projection), ``arena_access`` (arenas members reach), ``whatif``,
``whatif_difference``, ``effect`` and ``whatif_wording`` (the gap report and brokers as they
would be, and the difference), ``effect_ranking`` (recommendations by measured effect),
``open_triangles`` and ``weaving`` (introductions to suggest), ``statements`` (sentences in
English and Danish).
"""

from .arena_paths import PathShares, path_shares
from .brokerage import BrokerageCounts, BrokerageRole, brokerage_roles
from .brokers import Broker, BrokerRanking, arena_groups, rank_brokers
from .communities import (
    Community,
    CommunityBridge,
    CommunityResult,
    detect_communities,
    louvain,
)
from .comparison import NetworkComparison, compare_networks
from .effect import Effect
from .effect_ranking import EffectRanking, MeasuredRecruit, rank_by_effect
from .engines import Engine, igraph_available, pair_dependencies
from .gaps import DEFAULT_EXPECTED_SECTORS, GapReport, gap_report
from .health import HealthMeasures, TargetGroupReach, network_health
from .lookups import contact_persons, initiative_participants, initiatives_targeting
from .members import TargetGroupMembers, target_group_members
from .metrics import Centralities, MetricsResult, NodeMetrics, centralities, node_metrics
from .open_triangles import open_triangles
from .projection import actor_graph, introduction_graph, network_to_graph, social_graph
from .reach import AreaGap, ArenaReach, ReachCounts, SchoolGap, SinglePointOfFailure
from .recommendations import (
    ContactPerson,
    PathStep,
    Reason,
    Recommendation,
    Recommendations,
    ScoreWeights,
    recommend_partners,
    without_people,
)
from .recruitment_list import recruitment_csv, recruitment_rows, recruitment_xlsx
from .results import as_dict
from .scenario import Plan, Recruit, Scenario
from .statements import Statement
from .structural_holes import StructuralHoles, structural_holes
from .support import EIIndex, SectorCoverage, SectorShare, Silo, SupportActor, SupportNetwork
from .weaving import Suggestion, WeavingList, weaving_list
from .whatif import RecruitEffect, WhatIf, what_if
from .wording import Finding, Severity

__all__ = [
    "DEFAULT_EXPECTED_SECTORS",
    "AreaGap",
    "ArenaReach",
    "Broker",
    "BrokerRanking",
    "BrokerageCounts",
    "BrokerageRole",
    "Centralities",
    "Community",
    "CommunityBridge",
    "CommunityResult",
    "ContactPerson",
    "EIIndex",
    "Effect",
    "EffectRanking",
    "Engine",
    "Finding",
    "GapReport",
    "HealthMeasures",
    "MeasuredRecruit",
    "MetricsResult",
    "NetworkComparison",
    "NodeMetrics",
    "PathShares",
    "PathStep",
    "Plan",
    "ReachCounts",
    "Reason",
    "Recommendation",
    "Recommendations",
    "Recruit",
    "RecruitEffect",
    "Scenario",
    "SchoolGap",
    "ScoreWeights",
    "SectorCoverage",
    "SectorShare",
    "Severity",
    "Silo",
    "SinglePointOfFailure",
    "Statement",
    "StructuralHoles",
    "Suggestion",
    "SupportActor",
    "SupportNetwork",
    "TargetGroupMembers",
    "TargetGroupReach",
    "WeavingList",
    "WhatIf",
    "actor_graph",
    "arena_groups",
    "as_dict",
    "brokerage_roles",
    "centralities",
    "compare_networks",
    "contact_persons",
    "detect_communities",
    "gap_report",
    "igraph_available",
    "initiative_participants",
    "initiatives_targeting",
    "introduction_graph",
    "louvain",
    "network_health",
    "network_to_graph",
    "node_metrics",
    "open_triangles",
    "pair_dependencies",
    "path_shares",
    "rank_brokers",
    "rank_by_effect",
    "recommend_partners",
    "recruitment_csv",
    "recruitment_rows",
    "recruitment_xlsx",
    "social_graph",
    "structural_holes",
    "target_group_members",
    "weaving_list",
    "what_if",
    "without_people",
]
