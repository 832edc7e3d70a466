"""A ceiling on what one GraphQL request may cost, counted before anything else looks at it.

The cost is an estimate of the fields the server would resolve, with every fragment expanded:
a field costs 1 each time it would be resolved; a list is resolved once per item, counted as
the page size asked for (``first``, ``maxNodes``: on the list itself, or on the connection or
neighbourhood above it), else an assumed :data:`LIST_ESTIMATE` items; an analytics job or a
neighbourhood adds the work it stands for (:data:`JOB_COST`). Fragments are costed once each
(memoised), so a document that spreads nine fragments ten times each — a billion fields once
expanded — is priced in microseconds and refused, before the depth and alias checks (which
expand fragments without memo) ever see it.

A request over the limit (``GRAPHSVC_MAX_QUERY_COST``) is refused with a message naming the
limit and the estimate, and nothing runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
)
from strawberry.extensions import SchemaExtension

__all__ = ["JOB_COST", "LIST_ESTIMATE", "QueryCostLimiter", "query_cost"]

# How many items a list without a page size is assumed to hold (an actor's ties, say).
LIST_ESTIMATE = 25
# What one call of an analytics job or a neighbourhood walk adds, in fields.
JOB_COST = {
    "nodeMetrics": 5_000,
    "brokers": 5_000,
    "gapReport": 5_000,
    "recommendations": 5_000,
    "communities": 5_000,
    "neighbourhood": 1_000,
    "compareSnapshots": 2_000,
    "whatIf": 10_000,
    "weavingSuggestions": 5_000,
}
_COMPOSITE = (GraphQLObjectType, GraphQLInterfaceType, GraphQLUnionType)


class _Costing:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        variables: dict[str, Any],
        caps: dict[str, int],
    ) -> None:
        self.schema = schema
        self.caps = caps
        self.fragments = fragments
        self.variables = variables
        self.memo: dict[str, float] = {}

    def _int_argument(self, node: FieldNode, name: str, default: Any) -> int | None:
        for argument in node.arguments or ():
            if argument.name.value != name:
                continue
            value = argument.value
            if isinstance(value, IntValueNode):
                return int(value.value)
            if isinstance(value, VariableNode):
                found = self.variables.get(value.name.value)
                return found if isinstance(found, int) and not isinstance(found, bool) else None
            return None
        return default if isinstance(default, int) else None

    def _page(self, node: FieldNode, field: Any) -> int | None:
        """The page size a field asks for (``first``, ``maxNodes``), within its cap."""
        for name in ("first", "maxNodes"):
            if name in field.args:
                given = self._int_argument(node, name, _default(field.args[name]))
                size = given if given is not None else LIST_ESTIMATE
                return max(1, min(size, self.caps.get(name, size)))
        return None

    def selections(
        self, selection_set: SelectionSetNode | None, parent: Any, page: int | None = None
    ) -> float:
        if selection_set is None:
            return 0
        total = 0.0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent, page)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = self.schema.get_type(condition.name.value) if condition else parent
                total += self.selections(selection.selection_set, inner or parent, page)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment(selection.name.value)
        return total

    def field(self, node: FieldNode, parent: Any, page: int | None) -> float:
        """A field, resolved once here; a list is resolved for each item: its own page size,
        else its parent's (a connection's ``edges``, a neighbourhood's ``nodes``), else
        :data:`LIST_ESTIMATE` items."""
        fields = getattr(parent, "fields", None) or {}
        field = fields.get(node.name.value)
        if field is None:  # __typename, or a mistake that validation will name
            return 1
        cost: float = 1 + JOB_COST.get(node.name.value, 0)
        own = self._page(node, field)
        inner_type = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
        items = (own or page or LIST_ESTIMATE) if isinstance(inner_type, GraphQLList) else 1
        inner = get_named_type(field.type)
        if node.selection_set is not None and isinstance(inner, _COMPOSITE):
            below = None if isinstance(inner_type, GraphQLList) else own
            cost += items * self.selections(node.selection_set, inner, below)
        return cost

    def fragment(self, name: str) -> float:
        if name not in self.memo:
            definition = self.fragments.get(name)
            self.memo[name] = 0  # a cycle costs nothing here: validation refuses it
            if definition is not None:
                parent = self.schema.get_type(definition.type_condition.name.value)
                self.memo[name] = self.selections(definition.selection_set, parent)
        return self.memo[name]


def query_cost(
    schema: GraphQLSchema,
    document: Any,
    variables: dict[str, Any] | None = None,
    operation_name: str | None = None,
    caps: dict[str, int] | None = None,
) -> float:
    """The estimated cost of the operation of ``document`` that would run (module docstring).

    >>> from graphql import build_schema, parse
    >>> s = build_schema("type Query { a: Int, b(first: Int = 10): [Q] } type Q { c: Int }")
    >>> query_cost(s, parse("{ a b { c } }"))
    12.0
    >>> deep = "query { ...F0 } fragment F0 on Query { a " + "".join(
    ...     f"...F{i + 1} " * 10 + f"}} fragment F{i + 1} on Query {{ a " for i in range(8)) + "}"
    >>> query_cost(s, parse(deep)) > 10**8
    True
    """
    definitions = list(_definitions(document))
    fragments = {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}
    operations = [d for d in definitions if isinstance(d, OperationDefinitionNode)]
    costing = _Costing(schema, fragments, variables or {}, caps or {})
    worst = 0.0
    for operation in operations:
        if operation_name is not None and operation.name and operation.name.value != operation_name:
            continue
        root = schema.get_root_type(operation.operation)
        worst = max(worst, costing.selections(operation.selection_set, root))
    return worst


def _default(argument: Any) -> Any:
    """An argument's default, as Strawberry (``default_value``) or an SDL schema (a literal)
    declares it."""
    if isinstance(argument.default_value, int):
        return argument.default_value
    literal = getattr(getattr(argument, "default", None), "literal", None)
    return int(literal.value) if isinstance(literal, IntValueNode) else None


def _definitions(document: Any) -> Iterator[Any]:
    yield from getattr(document, "definitions", ())


class QueryCostLimiter(SchemaExtension):
    """Refuse a request whose estimated cost is over ``max_cost`` before it is validated."""

    def __init__(self, *, max_cost: int, caps: dict[str, int] | None = None) -> None:
        self.max_cost = max_cost
        # Page sizes over their limits are refused by the fields themselves, with their own
        # words; the estimate counts them at the limit.
        self.caps = caps or {}

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and context.pre_execution_errors is None:
            cost = query_cost(
                context.schema._schema, document, context.variables, context.operation_name, self.caps
            )
            if cost > self.max_cost:
                # Set before validation runs, so validation is skipped and nothing executes.
                context.pre_execution_errors = [
                    GraphQLError(
                        f"this request would cost about {cost:,.0f}, more than the limit of "
                        f"{self.max_cost:,} (GRAPHSVC_MAX_QUERY_COST): ask for fewer fields, "
                        "smaller pages, or one analytics job at a time"
                    )
                ]
        yield
