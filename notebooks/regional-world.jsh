// Regional forced-labour estimates on a synthetic world with a known truth (ILO 2012 regions).
// Run: bin/prevalence-jshell --run notebooks/regional-world.jsh
// The world is built to reproduce the published ILO 2012 regional table; the reported-case pipeline
// (two research teams, Chapman per region and form, flow to stock, stratified bootstrap) should recover it.
import org.prevalence.regional.*;
import org.prevalence.datasets.world.*;

// 1. The published table: six regions adding to 20.9 million (ILO 2012), about 3 per 1,000.
Table ilo = Datasets.publishedTable("ilo2012_regional_forced_labour");
System.out.println(ilo.print());
double sum = 0;
for (int i = 0; i < ilo.rowCount() - 1; i++) sum += ilo.numberColumn("forced_labour_millions").getDouble(i);
check("ILO 2012 regions add to the world figure (millions)", 20.9, sum, 1e-9);

// 2. A synthetic world: 200 countries, two teams' reported cases (about 50,000), known truth.
SyntheticWorld.World world = SyntheticWorld.withDefaults().withSeed(2012).generate();
System.out.println(world);
check("the world's truth equals the published 20.9 million", 20.9e6, world.trueTotal(null), 1e-6);

// 3. The reported-case pipeline with 1,000 bootstrap replicates.
ReportedCasePipeline.Result r = ReportedCasePipeline.withDefaults().withReplicates(1000).withSeed(2012).
        estimate(CaseFile.withDefaults().read(world.casesTable()),
                 Populations.fromTable(RegionEdition.ILO_2012, world.regionPopulationTable()),
                 ReferenceWindow.parse("2002-01-01:2011-12-31"));
System.out.println(r);
// the world estimate is within 3 standard errors of the truth (a simulation check; SE about 1.2 %)
RegionalEstimate w = r.getWorld();
double z = (w.getEstimate() - world.trueCaseStock(null)) / w.getStandardError();
System.out.printf("world: estimate %s, truth %s, z = %.2f%n", Format.number(w.getEstimate()),
        Format.number(world.trueCaseStock(null)), z);
if (Math.abs(z) > 3) { System.out.println("MISMATCH: world estimate more than 3 SE from the truth"); throw new AssertionError("mismatch"); }
// the bootstrap SE agrees with the delta-method SE (within 25 %)
check("bootstrap SE vs delta-method SE", w.getDeltaStandardError(), w.getStandardError(), 0.25);
System.out.println("regional-world: all figures match");
/exit 0
