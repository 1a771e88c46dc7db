/**
 * The shape of the incident ids this site gives (incidentId in incidents.ts): "20261126-0314-k7q2",
 * "drill-20261126-0314-k7q2", with "-2" and on when two share a minute and a suffix. What a link
 * names in their place is not repeated as the site's own words.
 */
export const INCIDENT_ID = /^(?:drill-)?\d{8}-\d{4}-[a-z\d]{4}(?:-\d+)?$/;
