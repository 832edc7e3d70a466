// Lists the pages offer as choices: areas and target groups (all pages of them).
import { graphql } from "./api.js";

const PAGE = 100;

async function all(field, fields) {
  const query = `query List($after: String) {
    ${field}(first: ${PAGE}, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${fields} } } }
  }`;
  const found = [];
  let after = null;
  for (;;) {
    const page = (await graphql(query, { after }))[field];
    found.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return found.sort((a, b) => a.name.localeCompare(b.name, "da"));
    after = page.pageInfo.endCursor;
  }
}

export const loadAreas = () => all("areas", "id name areaType");
export const loadTargetGroups = () => all("targetGroups", "id name memberCount");
