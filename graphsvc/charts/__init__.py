"""Charts for reports, drawn with matplotlib's Agg backend (no display, no network):
:mod:`graphsvc.charts.growth` draws the network-health measures over all snapshots."""
