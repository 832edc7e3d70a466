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
(JSON-ready dicts).
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
from .engines import Engine, igraph_available, pair_dependencies
from .gaps import DEFAULT_EXPECTED_SECTORS, GapReport, gap_report
from .health import HealthMeasures, TargetGroupReach, network_health
from .lookups import contact_persons, initiative_participants, initiatives_targeting
from .members import TargetGroupMembers, target_group_members
from .metrics import Centralities, MetricsResult, NodeMetrics, centralities, node_metrics
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
from .structural_holes import StructuralHoles, structural_holes
from .support import EIIndex, SectorCoverage, SectorShare, Silo, SupportActor, SupportNetwork
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
    "Engine",
    "Finding",
    "GapReport",
    "HealthMeasures",
    "MetricsResult",
    "NetworkComparison",
    "NodeMetrics",
    "PathShares",
    "PathStep",
    "ReachCounts",
    "Reason",
    "Recommendation",
    "Recommendations",
    "SchoolGap",
    "ScoreWeights",
    "SectorCoverage",
    "SectorShare",
    "Severity",
    "Silo",
    "SinglePointOfFailure",
    "StructuralHoles",
    "SupportActor",
    "SupportNetwork",
    "TargetGroupMembers",
    "TargetGroupReach",
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
    "pair_dependencies",
    "path_shares",
    "rank_brokers",
    "recommend_partners",
    "recruitment_csv",
    "recruitment_rows",
    "recruitment_xlsx",
    "social_graph",
    "structural_holes",
    "target_group_members",
    "without_people",
]
