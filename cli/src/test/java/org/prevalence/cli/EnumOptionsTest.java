package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.mse.ModelSelection;
import org.prevalence.mse.bayes.BayesianModelAveraging;
import org.prevalence.regional.BootstrapScheme;
import org.prevalence.regional.NoOverlap;
import org.prevalence.survey.CiMethod;
import org.prevalence.survey.LonelyPsu;
import picocli.CommandLine;

/** The enum options take their CLI spellings in any case ('-' or '_'), and list them. */
class EnumOptionsTest {
    @Test
    void mseChoicesParseInAnyCase() {
        CommandLine.ParseResult p = Prevalence.commandLine().parseArgs("mse", "--dataset", "x", "--interval",
                "Profile-Multinomial", "--select", "BIC", "--bayes", "Latent-Class", "--prior", "UNIFORM");
        MseCommand c = (MseCommand) p.subcommand().commandSpec().userObject();
        assertEquals(MseCommand.IntervalMethod.PROFILE_MULTINOMIAL, c.interval);
        assertEquals(ModelSelection.BIC, c.select);
        assertEquals(MseCommand.BayesMethod.LATENT_CLASS, c.bayes);
        assertEquals(BayesianModelAveraging.PriorOnN.UNIFORM, c.prior);
    }

    @Test
    void surveyChoicesParseInAnyCase() {
        CommandLine.ParseResult p = Prevalence.commandLine().parseArgs("survey", "s.csv", "--lonely-psu", "Adjust",
                "--ci", "xLogit");
        SurveyCommand c = (SurveyCommand) p.subcommand().commandSpec().userObject();
        assertEquals(LonelyPsu.ADJUST, c.lonelyPsu);
        assertEquals(CiMethod.XLOGIT, c.ci);
    }

    @Test
    void regionalChoicesParseInAnyCase() {
        CommandLine.ParseResult p = Prevalence.commandLine().parseArgs("regional", "cases", "c.csv",
                "--population", "p.csv", "--window", "2020-01:2020-12", "--no-overlap", "Pool", "--bootstrap", "CASES");
        RegionalCommand.Cases c = (RegionalCommand.Cases) p.subcommand().subcommand().commandSpec().userObject();
        assertEquals(NoOverlap.POOL, c.noOverlap);
        assertEquals(BootstrapScheme.CASES, c.bootstrap);
    }

    @Test
    void selectOffersOnlyTheUsersChoices() {
        MseCommand.Selections s = new MseCommand.Selections();
        List<String> names = new ArrayList<>();
        s.forEach(names::add);
        assertEquals(List.of("stepwise", "aic", "bic"), names);
        assertThrows(CommandLine.TypeConversionException.class, () -> s.convert("auto"));
        assertEquals(ModelSelection.STEPWISE, s.convert("Stepwise"));
        assertEquals(MseCommand.BayesMethod.LATENT_CLASS, new MseCommand.BayesMethods().convert("latent_class"));
    }

    @Test
    void theLibraryResolvesTheDefaultSelection() {
        assertEquals(ModelSelection.BIC, ModelSelection.AUTO.resolve(5));
        assertEquals(ModelSelection.STEPWISE, ModelSelection.AUTO.resolve(6));
        assertEquals(ModelSelection.AIC, ModelSelection.AIC.resolve(8));
    }
}
