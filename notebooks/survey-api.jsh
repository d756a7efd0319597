// Design-based estimation on R survey's Academic Performance Index samples (data(api)).
// Run: bin/prevalence-jshell --run notebooks/survey-api.jsh
// Every figure is checked against R survey 4.1-1 (shared/refdata/survey/expected.csv, row ids cited).
import org.prevalence.survey.*;

// 1. A stratified sample: strata stype, weights pw, fpc (population size per stratum), as
//    svydesign(id=~1, strata=~stype, weights=~pw, fpc=~fpc, data=apistrat)
Table apistrat = Datasets.surveyTable("apistrat");
SurveyDesign dstrat = SurveyDesign.builder(apistrat).strata("stype").weights("pw").fpc("fpc").build();
System.out.println(dstrat);
SurveyMean.Result m = SurveyMean.withDefaults().estimate(dstrat, "api00");
System.out.println(m);
check("mean api00 (expected.csv dstrat_mean_api00)", 662.2873632, m.getEstimate(), 1e-8);
check("its SE", 9.408940803, m.getStandardError(), 1e-8);
check("its deff", 1.204457269, m.getDeff(), 1e-8);

// 2. Domains, computed on the full design as svyby does.
List<SurveyMean.Result> byType = SurveyMean.withDefaults().estimateBy(dstrat, "api00", "stype");
byType.forEach(System.out::println);

// 3. A one-stage cluster sample and a proportion with svyciprop's logit interval
//    (expected.csv dclus1_ciprop_schwide_logit_95).
SurveyDesign dclus1 = SurveyDesign.builder(Datasets.surveyTable("apiclus1")).clusters("dnum").weights("pw").fpc("fpc").build();
SurveyProportion.Result p = SurveyProportion.withDefaults().with(CiMethod.LOGIT).estimate(dclus1, "sch.wide", "Yes");
System.out.println(p);
check("proportion sch.wide == Yes", 0.8743169399, p.getEstimate(), 1e-8);
check("its SE", 0.02035947724, p.getStandardError(), 1e-8);
check("logit 95% lower", 0.8237988924, p.getConfidenceInterval().lower(), 1e-6);
check("logit 95% upper", 0.911900077, p.getConfidenceInterval().upper(), 1e-6);

// 4. Simple random sample, domain means by school type (expected.csv dsrs_by_stype_mean_api00).
SurveyDesign dsrs = SurveyDesign.builder(Datasets.surveyTable("apisrs")).weights("pw").fpc("fpc").build();
List<SurveyMean.Result> srsBy = SurveyMean.withDefaults().estimateBy(dsrs, "api00", "stype");
check("mean api00, stype E", 666.1408451, srsBy.get(0).getEstimate(), 1e-8);
check("its SE", 11.1935234, srsBy.get(0).getStandardError(), 1e-8);
check("its deff", 0.9979474839, srsBy.get(0).getDeff(), 1e-8);
System.out.println("survey-api: all figures match");
/exit 0
