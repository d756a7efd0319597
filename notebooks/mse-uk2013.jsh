// Multiple systems estimation on the UK 2013 list-overlap table (Silverman 2014, Home Office).
// Run: bin/prevalence-jshell --run notebooks/mse-uk2013.jsh   (or /open it in bin/prevalence-jshell)
// Every key figure is checked against R (SparseMSE 2.0.1, MultipleSystemsEstimation 1.2.0, Rcapture 1.4-4,
// dga 2.0.2); a mismatch stops the notebook with exit status 1.
import org.prevalence.mse.*;
import org.prevalence.mse.closed.*;
import org.prevalence.mse.bayes.*;

// 1. The data: 2,744 potential victims on 5 lists.
ListOverlapTable uk = Datasets.listTable("uk2013_5lists");
System.out.println(uk);
check("observed cases", 2744, uk.observedTotal(), 0);

// 2. SparseMSE's stepwise log-linear model: the Home Office's central estimate, 11,313.
LogLinearMse.Result stepwise = LogLinearMse.withDefaults().with(ModelSelection.STEPWISE).estimate(uk);
System.out.println(stepwise);
check("stepwise estimate (SparseMSE)", 11312.99029, stepwise.getEstimate(), 1e-6);
check("stepwise 95% lower (SparseMSE log-normal)", 9884.402831, stepwise.getConfidenceInterval().lower(), 1e-6);
check("stepwise 95% upper", 13027.39665, stepwise.getConfidenceInterval().upper(), 1e-6);

// 3. The independence model, and BIC over every hierarchical model up to order 3.
LogLinearMse.Result main = LogLinearMse.withDefaults().withModel("main").estimate(uk);
check("independence model (SparseMSE main effects)", 13444.13121, main.getEstimate(), 1e-6);
LogLinearMse.Result bic = LogLinearMse.withDefaults().with(ModelSelection.BIC).estimate(uk);
System.out.println(bic);
check("BIC-selected model estimate (MultipleSystemsEstimation)", 25311, Math.round(bic.getEstimate()), 0);
if (!bic.getModelName().equals("[123,25,34]")) { System.out.println("MISMATCH BIC model " + bic.getModelName()); throw new AssertionError("mismatch"); }

// 4. Rcapture's closed-population models side by side.
ClosedPopulationModels.ModelTable closed = ClosedPopulationModels.withDefaults().table(uk);
System.out.println(closed);
check("Mt equals the independence model", main.getEstimate(), closed.get(ClosedModel.fromShortName("mt")).getEstimate(), 1e-9);

// 5. Bayesian model averaging over the 822 decomposable graphs (dga bma.cr, delta 2^-5, G = 80,000).
BayesianModelAveraging.Result bma = BayesianModelAveraging.withDefaults().withGridMax(80000).estimate(uk);
System.out.println(bma);
check("dga posterior median", 22990, bma.getMedian(), 0);
check("dga posterior mean", 21282.24, bma.getMean(), 1e-6);

// 6. SparseMSE's bootstrap: 1,000 resamples with stepwise re-selection in each, BCa interval.
MseBootstrap.Result boot = MseBootstrap.withDefaults().withReplicates(1000).withSeed(1234).estimate(uk);
System.out.println(boot);
// R (seed 1234, its own random stream) gives (8,784.78, 14,700.55); ours uses another stream: Monte Carlo tolerance 7 %
check("bootstrap BCa lower (R 8,784.78, Monte Carlo)", 8784.78, boot.getConfidenceInterval().lower(), 0.07);
check("bootstrap BCa upper (R 14,700.55, Monte Carlo)", 14700.55, boot.getConfidenceInterval().upper(), 0.07);
System.out.println("mse-uk2013: all figures match");
/exit 0
