"""The graph as a network: networkx projection, analysis for notebooks, differences, summaries."""
