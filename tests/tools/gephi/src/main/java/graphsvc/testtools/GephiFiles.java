package graphsvc.testtools;

import java.awt.Color;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gephi.graph.api.Column;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphFactory;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.UndirectedGraph;
import org.gephi.io.exporter.api.ExportController;
import org.gephi.io.exporter.plugin.ExporterBuilderGEXF;
import org.gephi.io.exporter.plugin.ExporterBuilderGraphML;
import org.gephi.io.exporter.spi.Exporter;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.EdgeMergeStrategy;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.gephi.statistics.plugin.Degree;
import org.gephi.statistics.plugin.GraphDistance;
import org.gephi.statistics.plugin.Modularity;
import org.gephi.statistics.plugin.PageRank;
import org.gephi.statistics.plugin.WeightedDegree;
import org.openide.util.Lookup;
import org.openide.util.NbBundle;

/**
 * Makes network files with the Gephi Toolkit, the library inside the Gephi desktop application,
 * so that the import tests read files written by Gephi itself rather than by hand.
 *
 * <pre>
 * convert IN OUT.graphml OUT.gexf [--statistics]   open IN (.gexf or .graphml) as Gephi's
 *                                                  "File > Open" does, optionally run the
 *                                                  statistics, export GraphML and GEXF
 * sample OUT.graphml OUT.gexf                      a small network drawn as a coordinator
 *                                                  would in Gephi, with statistics, exported
 * </pre>
 *
 * Both exports use the exporters' default settings, as Gephi's "File > Export > Graph file"
 * does. Exit status 0 on success, 1 when Gephi fails (the reason on stderr), 2 for bad usage.
 */
public final class GephiFiles {

    private static final String USAGE = String.join(
        System.lineSeparator(),
        "usage: GephiFiles convert IN OUT.graphml OUT.gexf [--statistics]",
        "       GephiFiles sample OUT.graphml OUT.gexf");

    private GephiFiles() {
    }

    public static void main(String[] args) {
        // The toolkit logs every import and statistic at INFO on stderr; keep stderr for failures.
        Logger.getLogger("").setLevel(Level.WARNING);
        // Gephi's own branding (src/main/resources), so that GEXF files name their creator
        // "Gephi 0.10.1" as the desktop application's do.
        NbBundle.setBranding("gephi");
        try {
            if (args.length >= 4 && args[0].equals("convert") && outputs(args[2], args[3])
                && (args.length == 4 || (args.length == 5 && args[4].equals("--statistics")))) {
                convert(new File(args[1]), new File(args[2]), new File(args[3]), args.length == 5);
            } else if (args.length == 3 && args[0].equals("sample") && outputs(args[1], args[2])) {
                sample(new File(args[1]), new File(args[2]));
            } else {
                System.err.println(USAGE);
                System.exit(2);
            }
        } catch (Exception | LinkageError e) {
            System.err.println("gephi-files: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        // Gephi leaves non-daemon threads behind.
        System.exit(0);
    }

    private static boolean outputs(String graphml, String gexf) {
        return graphml.endsWith(".graphml") && gexf.endsWith(".gexf");
    }

    /** A fresh project with one empty workspace, as when Gephi starts. */
    private static Workspace newWorkspace() {
        ProjectController projects = Lookup.getDefault().lookup(ProjectController.class);
        projects.newProject();
        return projects.getCurrentWorkspace();
    }

    private static GraphModel graphModel(Workspace workspace) {
        return Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace);
    }

    static void convert(File in, File graphml, File gexf, boolean statistics) throws IOException {
        if (!in.isFile()) {
            throw new FileNotFoundException(in.toString());
        }
        Workspace workspace = newWorkspace();
        ImportController importer = Lookup.getDefault().lookup(ImportController.class);
        Container container = importer.importFile(in);
        if (container == null) {
            throw new IOException("Gephi has no importer for " + in);
        }
        // Gephi's own default, as a coordinator gets it: the import dialog's "Edges merge
        // strategy" SUM folds edges with the same source, target and type into one edge and
        // adds their weights. Edges of different types (GEXF's edge `kind`, GraphML's `label`
        // attribute of <edge>) between the same two nodes stay parallel edges, so a file that
        // gives its ties' types keeps them all; one that does not loses all but one.
        container.getLoader().setEdgesMergeStrategy(EdgeMergeStrategy.SUM);
        failOnSevereIssues(container, in);
        // The default processor is "New workspace" in the import dialog; edge directions are
        // the file's (edgedefault / defaultedgetype and each edge's own).
        importer.process(container, new DefaultProcessor(), workspace);
        if (statistics) {
            runStatistics(graphModel(workspace));
        }
        export(workspace, graphml, gexf);
    }

    private static void failOnSevereIssues(Container container, File in) throws IOException {
        StringBuilder problems = new StringBuilder();
        Iterator<Issue> issues = container.getReport().getIssues(Integer.MAX_VALUE);
        while (issues.hasNext()) {
            Issue issue = issues.next();
            if (issue.getLevel().toInteger() >= Issue.Level.SEVERE.toInteger()) {
                problems.append(System.lineSeparator()).append("  ").append(issue.getMessage());
            }
        }
        if (problems.length() > 0) {
            throw new IOException("Gephi reported problems importing " + in + ":" + problems);
        }
    }

    /**
     * The statistics a coordinator runs from Gephi's Statistics panel, with its default settings
     * except that Modularity's "Randomize" is off, so equal graphs give equal communities. They
     * add node columns (id / title): indegree / In-Degree, outdegree / Out-Degree, degree /
     * Degree, weighted indegree / Weighted In-Degree, weighted outdegree / Weighted Out-Degree,
     * weighted degree / Weighted Degree, modularity_class / Modularity Class, pageranks /
     * PageRank, betweenesscentrality / Betweenness Centrality, closnesscentrality / Closeness
     * Centrality, harmonicclosnesscentrality / Harmonic Closeness Centrality, eccentricity /
     * Eccentricity (in- and out-degrees only for directed graphs).
     */
    static void runStatistics(GraphModel model) {
        boolean directed = model.isDirected();
        new Degree().execute(model);
        new WeightedDegree().execute(model);
        Modularity modularity = new Modularity();
        modularity.setRandom(false);
        modularity.setUseWeight(true);
        modularity.setResolution(1.0);
        modularity.execute(model);
        PageRank pageRank = new PageRank();
        pageRank.setDirected(directed);
        pageRank.execute(model);
        GraphDistance distance = new GraphDistance();
        distance.setDirected(directed);
        distance.execute(model);
    }

    private static void export(Workspace workspace, File graphml, File gexf) throws IOException {
        // The exporters with their default settings, as Gephi's export dialog offers them.
        // (ExportController.exportFile(File) would pick them by extension, but outside the
        // desktop application its list of exporters stays empty: the toolkit registers them
        // as GraphFileExporterBuilder services, which nothing loads before the controller.)
        ExportController exports = Lookup.getDefault().lookup(ExportController.class);
        Exporter toGraphml = new ExporterBuilderGraphML().buildExporter();
        toGraphml.setWorkspace(workspace);
        exports.exportFile(graphml, toGraphml);
        Exporter toGexf = new ExporterBuilderGEXF().buildExporter();
        toGexf.setWorkspace(workspace);
        exports.exportFile(gexf, toGexf);
    }

    /** Node label and its "Type", in the order they are drawn. */
    private static final Map<String, String> SAMPLE_NODES = new LinkedHashMap<>();

    static {
        SAMPLE_NODES.put("Lejre Kommune", "Kommune");
        SAMPLE_NODES.put("SSP Lejre", "Kommune");
        SAMPLE_NODES.put("Ungdomsskolen", "Kommune");
        SAMPLE_NODES.put("Hvalsø Skole", "Skole");
        SAMPLE_NODES.put("Kirke Hyllinge Skole", "Skole");
        SAMPLE_NODES.put("Lejre Fodboldklub", "Forening");
        SAMPLE_NODES.put("Hvalsø Spejderne", "Forening");
        SAMPLE_NODES.put("Allerslev Gymnastikforening", "Forening");
        SAMPLE_NODES.put("Nordea-fonden", "Fond");
        SAMPLE_NODES.put("Lokale og Anlægsfonden", "Fond");
        SAMPLE_NODES.put("Bauhaus Roskilde", "Virksomhed");
        SAMPLE_NODES.put("Café Æblehaven", "Virksomhed");
    }

    /** Who works with whom and how much (1-5): an undirected edge list with weights. */
    private static final List<Object[]> SAMPLE_EDGES = List.of(
        new Object[] {"Lejre Kommune", "SSP Lejre", 5.0},
        new Object[] {"Lejre Kommune", "Ungdomsskolen", 4.0},
        new Object[] {"SSP Lejre", "Ungdomsskolen", 5.0},
        new Object[] {"SSP Lejre", "Hvalsø Skole", 3.0},
        new Object[] {"SSP Lejre", "Kirke Hyllinge Skole", 2.0},
        new Object[] {"Ungdomsskolen", "Hvalsø Skole", 2.0},
        new Object[] {"Hvalsø Skole", "Lejre Fodboldklub", 3.0},
        new Object[] {"Hvalsø Skole", "Hvalsø Spejderne", 2.0},
        new Object[] {"Kirke Hyllinge Skole", "Allerslev Gymnastikforening", 1.0},
        new Object[] {"Lejre Fodboldklub", "Hvalsø Spejderne", 1.0},
        new Object[] {"Lejre Fodboldklub", "Nordea-fonden", 2.0},
        new Object[] {"Lejre Fodboldklub", "Bauhaus Roskilde", 1.0},
        new Object[] {"Allerslev Gymnastikforening", "Lokale og Anlægsfonden", 1.0},
        new Object[] {"Hvalsø Spejderne", "Café Æblehaven", 1.0},
        new Object[] {"Bauhaus Roskilde", "Café Æblehaven", 1.0},
        new Object[] {"Lejre Kommune", "Lokale og Anlægsfonden", 1.0});

    /** Partition colours for "Type", like Gephi's Appearance > Partition palette. */
    private static final Map<String, Color> TYPE_COLOURS = Map.of(
        "Kommune", new Color(0x4c, 0x72, 0xb0),
        "Skole", new Color(0x55, 0xa8, 0x68),
        "Forening", new Color(0xdd, 0x84, 0x52),
        "Fond", new Color(0x81, 0x72, 0xb3),
        "Virksomhed", new Color(0xc4, 0x4e, 0x52));

    /**
     * A coordinator's own network: nodes added by hand with a label and a "Type" column (no
     * graphsvc columns), an undirected weighted edge list, a circular layout, colour by Type,
     * size by degree, then Gephi's statistics.
     */
    static void sample(File graphml, File gexf) throws IOException {
        Workspace workspace = newWorkspace();
        GraphModel model = graphModel(workspace);
        // As Data Laboratory's "Add column" does: the title is also the id.
        Column type = model.getNodeTable().addColumn("Type", String.class);
        GraphFactory factory = model.factory();
        UndirectedGraph graph = model.getUndirectedGraph();
        Map<String, Node> nodes = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, String> entry : SAMPLE_NODES.entrySet()) {
            // Ids as Gephi gives nodes added by hand: 0, 1, 2, ...
            Node node = factory.newNode(String.valueOf(i));
            node.setLabel(entry.getKey());
            node.setAttribute(type, entry.getValue());
            double angle = 2 * Math.PI * i / SAMPLE_NODES.size();
            node.setX((float) Math.round(300 * Math.cos(angle)));
            node.setY((float) Math.round(300 * Math.sin(angle)));
            node.setColor(TYPE_COLOURS.get(entry.getValue()));
            graph.addNode(node);
            nodes.put(entry.getKey(), node);
            i++;
        }
        int e = 0;
        for (Object[] edge : SAMPLE_EDGES) {
            Node source = nodes.get((String) edge[0]);
            Node target = nodes.get((String) edge[1]);
            graph.addEdge(factory.newEdge(String.valueOf(e++), source, target, 0, (Double) edge[2], false));
        }
        runStatistics(model);
        Column degree = model.getNodeTable().getColumn(Degree.DEGREE);
        for (Node node : graph.getNodes()) {
            node.setSize(10f + 5f * ((Number) node.getAttribute(degree)).floatValue());
        }
        export(workspace, graphml, gexf);
    }
}
