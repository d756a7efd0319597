package org.prevalence.linkage.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.linkage.records.CaseRecords;
import org.prevalence.linkage.records.FieldMapping;
import org.prevalence.linkage.records.FieldType;

/**
 * Generates lists of case records of a population with known truth.
 *
 * <p><b>People.</b> Each of N people has a sex, a given name (from a pool of common names in
 * several languages, some with nicknames and transliteration variants), a surname (built from
 * syllables, so there are many), a date of birth uniform over 1950-2007, a city (one of 60) and a
 * capture propensity \( h_i \sim N(0, \sigma^2) \).
 *
 * <p><b>Capture.</b> Person i is on list k with probability \( \mathrm{logit}^{-1}(\alpha_k + h_i) \)
 * (model Mh), where \( \mathrm{logit}^{-1}(\alpha_k) \) is list k's base rate; once on a list, a
 * person has a second record there with the duplicate probability. Each record is corrupted
 * independently (rates in {@link #withDefaults()}).
 *
 * <p>Fields: {@code given_name}, {@code surname} (names), {@code dob} (date), {@code sex}
 * (category), {@code city} (text). Records are shuffled within each list.
 *
 * <p>This class is immutable; the same seed gives the same world.
 */
public final class SyntheticLists {
    private static final String[][] GIVEN_F = {
        {"Maria", "Mariya", "Mariia"}, {"Elena", "Olena", "Yelena"}, {"Anna", "Hanna", "Ana"}, {"Fatima", "Fatma", "Fatimah"},
        {"Aisha", "Ayesha", "Aicha"}, {"Elizabeth"}, {"Katherine", "Catherine", "Kateryna"}, {"Sofia", "Sophia", "Sofiya"},
        {"Natalia", "Natalya", "Nataliya"}, {"Julia", "Yulia", "Iuliia"}, {"Amina", "Aminah"}, {"Grace"}, {"Joy"},
        {"Blessing"}, {"Mercy"}, {"Chiamaka"}, {"Ngozi"}, {"Thi Hoa"}, {"Linh"}, {"Mai"}, {"Li Na", "Lina"}, {"Xiu Ying"},
        {"Priya"}, {"Sunita"}, {"Lakshmi", "Laxmi"}, {"Rosa"}, {"Carmen"}, {"Lucia"}, {"Ines", "Inês"}, {"Zoë", "Zoe"},
        {"Agnieszka"}, {"Małgorzata", "Malgorzata"}, {"Ioana"}, {"Andreea"}, {"Svetlana"}, {"Irina", "Iryna"},
        {"Tatiana", "Tatyana", "Tetiana"}, {"Oksana"}, {"Leila", "Layla", "Laila"}, {"Mariam", "Maryam", "Miriam"},
        {"Esther"}, {"Hannah"}, {"Sarah", "Sara"}, {"Emily"}, {"Jessica"}, {"Margaret"}, {"Patricia"}, {"Jennifer"},
        {"Susan"}, {"Dorota"}, {"Kinga"}, {"Beatriz"}, {"Adriana"}, {"Chloé", "Chloe"}, {"Noémie", "Noemie"}, {"Yasmin", "Yasmine", "Jasmin"},
    };
    private static final String[][] GIVEN_M = {
        {"Mohammed", "Muhammad", "Mohamed", "Mohammad"}, {"Ahmed", "Ahmad"}, {"Yusuf", "Youssef", "Yosef"},
        {"Alexander", "Aleksandr", "Oleksandr"}, {"Robert"}, {"William"}, {"James"}, {"Michael", "Mikhail", "Mykhailo"},
        {"Dmitri", "Dmitry", "Dmytro"}, {"Sergei", "Sergey", "Serhii"}, {"Andrei", "Andrey", "Andrii"}, {"Ivan"},
        {"Nikolai", "Nikolay", "Mykola"}, {"Jose", "José"}, {"Juan"}, {"Carlos"}, {"Luis", "Luís"}, {"Pedro"},
        {"Antonio", "António"}, {"Francisco"}, {"Ali"}, {"Omar", "Umar"}, {"Hassan", "Hasan"}, {"Hussein", "Husain"},
        {"Ibrahim", "Ebrahim"}, {"Chinedu"}, {"Emeka"}, {"Oluwaseun"}, {"Kwame"}, {"Kofi"}, {"Van Minh"}, {"Duc"}, {"Wei"},
        {"Jian"}, {"Raj"}, {"Arjun"}, {"Vikram"}, {"Piotr"}, {"Tomasz"}, {"Krzysztof"}, {"Łukasz", "Lukasz"}, {"Mihai"},
        {"Stefan", "Ștefan"}, {"Bogdan"}, {"Thomas"}, {"Daniel"}, {"David"}, {"Joseph"}, {"Richard"}, {"Charles"}, {"Peter"},
        {"Rami"}, {"Karim", "Kareem"}, {"Tariq", "Tarek"}, {"Samuel"}, {"Emmanuel"}, {"Jérôme", "Jerome"}, {"François", "Francois"},
    };
    private static final String[][] NICKNAMES = {
        {"Elizabeth", "Liz", "Beth"}, {"Katherine", "Kate", "Katie"}, {"Margaret", "Maggie", "Peggy"}, {"Patricia", "Pat", "Trish"},
        {"Jennifer", "Jenny", "Jen"}, {"Susan", "Sue"}, {"Jessica", "Jess"}, {"Alexander", "Alex", "Sasha"}, {"Robert", "Bob", "Rob"},
        {"William", "Bill", "Will"}, {"James", "Jim", "Jimmy"}, {"Michael", "Mike"}, {"Thomas", "Tom"}, {"Daniel", "Dan"},
        {"David", "Dave"}, {"Joseph", "Joe"}, {"Richard", "Rick", "Dick"}, {"Charles", "Charlie"}, {"Peter", "Pete"},
        {"Samuel", "Sam"}, {"Emmanuel", "Manny"}, {"Francisco", "Paco"}, {"Jose", "Pepe"}, {"Antonio", "Toni"}, {"Dmitri", "Dima"},
        {"Nikolai", "Kolya"}, {"Ivan", "Vanya"}, {"Natalia", "Natasha"}, {"Tatiana", "Tanya"}, {"Svetlana", "Sveta"},
        {"Mohammed", "Mo"}, {"Yusuf", "Joe"}, {"Maria", "Masha"}, {"Elena", "Lena"}, {"Julia", "Julie"}, {"Sofia", "Sonya"},
    };
    private static final String[] ONSETS = {"b", "d", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "kh", "g", "h", "j", "f", "ch", "w"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ya", "ou", "ei", "ai"};
    private static final String[] ENDINGS = {"", "", "n", "v", "r", "ski", "ov", "ez", "ić", "ani", "escu", "enko", "ek", "sson", "ović", "yan", "ashvili", "i", "ura"};
    private static final String[][] TRANSLIT = {{"sh", "ch"}, {"kh", "h"}, {"ou", "u"}, {"ya", "ia"}, {"ov", "off"}, {"ei", "ey"},
        {"ai", "ay"}, {"j", "dzh"}, {"ch", "tch"}, {"enko", "yenko"}, {"v", "w"}, {"i", "y"}, {"u", "oo"}};
    private static final String[] CITIES = {"London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Liverpool", "Bristol",
        "Sheffield", "Cardiff", "Belfast", "Leicester", "Coventry", "Bradford", "Nottingham", "Hull", "Newcastle", "Stoke",
        "Southampton", "Derby", "Portsmouth", "Brighton", "Plymouth", "Northampton", "Reading", "Luton", "Wolverhampton",
        "Bolton", "Aberdeen", "Bournemouth", "Norwich", "Swindon", "Swansea", "Milton Keynes", "Southend", "Middlesbrough",
        "Peterborough", "Sunderland", "Warrington", "Huddersfield", "Slough", "Oxford", "York", "Poole", "Ipswich", "Telford",
        "Cambridge", "Dundee", "Gloucester", "Blackpool", "Birkenhead", "Watford", "Sale", "Colchester", "Newport", "Solihull",
        "High Wycombe", "Exeter", "Gateshead", "Blackburn", "Cheltenham"};

    private static final SyntheticLists DEFAULT = new SyntheticLists(5000, new double[] {0.35, 0.30, 0.25, 0.20}, 1.0, 0.04, 20240601L,
            new double[] {0.07, 0.07, 0.05, 0.05, 0.03, 0.06, 0.05, 0.04, 0.02, 0.03, 0.08, 0.05, 0.02, 0.10});
    // rates: typo given, typo surname, nickname, transliteration, swapped order, dropped accents, dob missing,
    // dob partial, dob transposed, dob one off, city missing, city moved, given missing, (spare)

    private final int people;
    private final double[] baseRates;
    private final double sigma;
    private final double duplicate;
    private final long seed;
    private final double[] rates;

    private SyntheticLists(int people, double[] baseRates, double sigma, double duplicate, long seed, double[] rates) {
        this.people = people;
        this.baseRates = baseRates;
        this.sigma = sigma;
        this.duplicate = duplicate;
        this.seed = seed;
        this.rates = rates;
    }

    /**
     * @return 5,000 people, 4 lists with base capture rates 0.35, 0.30, 0.25, 0.20, heterogeneity
     *     sigma 1.0 on the logit scale, within-list duplicates 4 %, seed 20240601; per record: a
     *     typo in the given name 7 %, in the surname 7 %, a nickname 5 %, a transliteration variant
     *     5 %, given name and surname swapped 3 %, accents dropped 6 %, date of birth missing 5 %,
     *     partial (year-month or year) 4 %, day and month transposed 2 %, one component off 3 %,
     *     city missing 8 %, another city 5 %, given name missing 2 %
     */
    public static SyntheticLists withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the population size, at least 10
     * @return a copy
     */
    public SyntheticLists withPeople(int v) {
        if (v < 10) {
            throw PrevalenceException.invalidArgument("people", "at least 10 people, got %d", v);
        }
        return new SyntheticLists(v, baseRates, sigma, duplicate, seed, rates);
    }

    /**
     * @param v each list's base capture rate, in (0, 1); 2 to 15 lists
     * @return a copy
     */
    public SyntheticLists withCaptureRates(double... v) {
        if (v.length < 2 || v.length > 15) {
            throw PrevalenceException.invalidArgument("lists", "2 to 15 lists, got %d", v.length);
        }
        for (double p : v) {
            if (!(p > 0 && p < 1)) {
                throw PrevalenceException.invalidArgument("capture rate", "capture rates must be in (0, 1), got %s", p);
            }
        }
        return new SyntheticLists(people, v.clone(), sigma, duplicate, seed, rates);
    }

    /**
     * @param v the capture heterogeneity (sd of h on the logit scale), at least 0
     * @return a copy
     */
    public SyntheticLists withHeterogeneity(double v) {
        if (!(v >= 0)) {
            throw PrevalenceException.invalidArgument("heterogeneity", "the heterogeneity must be at least 0");
        }
        return new SyntheticLists(people, baseRates, v, duplicate, seed, rates);
    }

    /**
     * @param v the probability of a second record of a person on a list, in [0, 1)
     * @return a copy
     */
    public SyntheticLists withDuplicateRate(double v) {
        if (!(v >= 0 && v < 1)) {
            throw PrevalenceException.invalidArgument("duplicate rate", "the duplicate rate must be in [0, 1)");
        }
        return new SyntheticLists(people, baseRates, sigma, v, seed, rates);
    }

    /**
     * @param v the seed
     * @return a copy
     */
    public SyntheticLists withSeed(long v) {
        return new SyntheticLists(people, baseRates, sigma, duplicate, v, rates);
    }

    /**
     * @param v a factor on every corruption rate, in [0, 5] (0: clean records)
     * @return a copy
     */
    public SyntheticLists withCorruption(double v) {
        if (!(v >= 0 && v <= 5)) {
            throw PrevalenceException.invalidArgument("corruption", "the corruption factor must be in [0, 5]");
        }
        double[] r = DEFAULT.rates.clone();
        for (int k = 0; k < r.length; k++) {
            r[k] = Math.min(1, r[k] * v);
        }
        return new SyntheticLists(people, baseRates, sigma, duplicate, seed, r);
    }

    /** @return the field mapping of the generated records */
    public static FieldMapping mapping() {
        return FieldMapping.withDefaults().with("given_name", "given_name", FieldType.NAME).with("surname", "surname", FieldType.NAME)
                .with("dob", "dob", FieldType.DATE).with("sex", "sex", FieldType.CATEGORY).with("city", "city", FieldType.TEXT);
    }

    /**
     * A generated world: the records and, for each, the person it belongs to.
     *
     * <p>This class is immutable.
     */
    public static final class World {
        private final CaseRecords records;
        private final int[] person;
        private final int people;

        World(CaseRecords records, int[] person, int people) {
            this.records = records;
            this.person = person;
            this.people = people;
        }

        /** @return the records */
        public CaseRecords records() {
            return records;
        }

        /**
         * @param i a record
         * @return the person it belongs to (the truth)
         */
        public int person(int i) {
            return person[i];
        }

        /** @return the population size N (people on no list included) */
        public int people() {
            return people;
        }

        /** @return the number of distinct people on at least one list */
        public int observedPeople() {
            return (int) Arrays.stream(person).distinct().count();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "SyntheticLists.World[N=%d, %d observed, %s]", people, observedPeople(), records);
        }
    }

    private record Person(int sex, String given, String[] givenGroup, String surname, int y, int m, int d, int city) {
    }

    /** @return a generated world */
    public World generate() {
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed);
        org.apache.commons.rng.sampling.distribution.ContinuousSampler gauss = GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), 0, sigma);
        Person[] ps = new Person[people];
        double[] h = new double[people];
        for (int i = 0; i < people; i++) {
            int sex = rng.nextInt(2);
            String[][] pool = sex == 0 ? GIVEN_F : GIVEN_M;
            String[] group = pool[rng.nextInt(pool.length)];
            StringBuilder sn = new StringBuilder();
            int syl = 2 + rng.nextInt(2);
            for (int s = 0; s < syl; s++) {
                sn.append(ONSETS[rng.nextInt(ONSETS.length)]).append(VOWELS[rng.nextInt(VOWELS.length)]);
            }
            sn.append(ENDINGS[rng.nextInt(ENDINGS.length)]);
            int y = 1950 + rng.nextInt(58);
            int m = 1 + rng.nextInt(12);
            int d = 1 + rng.nextInt(m == 2 ? 28 : 30);
            ps[i] = new Person(sex, group[0], group, capitalise(sn.toString()), y, m, d, rng.nextInt(CITIES.length));
            h[i] = gauss.sample();
        }
        int k = baseRates.length;
        List<String> listNames = new ArrayList<>();
        List<Integer> list = new ArrayList<>();
        List<Integer> who = new ArrayList<>();
        List<String[]> vals = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            listNames.add("list" + (char) ('A' + j));
            double alpha = Math.log(baseRates[j] / (1 - baseRates[j]));
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                if (rng.nextDouble() < 1 / (1 + Math.exp(-(alpha + h[i])))) {
                    members.add(i);
                    if (rng.nextDouble() < duplicate) {
                        members.add(i);
                    }
                }
            }
            int[] order = PermutationSampler.natural(members.size());
            PermutationSampler.shuffle(rng, order);
            for (int q : order) {
                int i = members.get(q);
                list.add(j);
                who.add(i);
                vals.add(corrupt(ps[i], rng));
            }
        }
        int n = list.size();
        int[] li = new int[n];
        int[] person = new int[n];
        String[] ids = new String[n];
        String[][] values = new String[5][n];
        int[] counter = new int[k];
        for (int r = 0; r < n; r++) {
            li[r] = list.get(r);
            person[r] = who.get(r);
            ids[r] = String.format(Locale.ROOT, "%s-%05d", listNames.get(li[r]), ++counter[li[r]]);
            for (int f = 0; f < 5; f++) {
                values[f][r] = vals.get(r)[f];
            }
        }
        return new World(CaseRecords.of(listNames, mapping(), li, ids, values), person, people);
    }

    private String[] corrupt(Person p, UniformRandomProvider rng) {
        String given = p.given;
        String surname = p.surname;
        if (rng.nextDouble() < rates[3]) {
            if (p.givenGroup.length > 1) {
                given = p.givenGroup[1 + rng.nextInt(p.givenGroup.length - 1)];
            }
            surname = transliterate(surname, rng);
        }
        if (rng.nextDouble() < rates[2]) {
            for (String[] nk : NICKNAMES) {
                if (nk[0].equals(p.given)) {
                    given = nk[1 + rng.nextInt(nk.length - 1)];
                }
            }
        }
        if (rng.nextDouble() < rates[0]) {
            given = typo(given, rng);
        }
        if (rng.nextDouble() < rates[1]) {
            surname = typo(surname, rng);
        }
        if (rng.nextDouble() < rates[5]) {
            given = java.text.Normalizer.normalize(given, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            surname = java.text.Normalizer.normalize(surname, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        }
        if (rng.nextDouble() < rates[12]) {
            given = null;
        }
        if (rng.nextDouble() < rates[4]) {
            String t = given;
            given = surname;
            surname = t;
        }
        int y = p.y;
        int m = p.m;
        int d = p.d;
        String dob;
        double u = rng.nextDouble();
        if (u < rates[6]) {
            dob = null;
        } else if ((u -= rates[6]) < rates[7]) {
            dob = rng.nextBoolean() ? String.format(Locale.ROOT, "%04d-%02d", y, m) : String.format(Locale.ROOT, "%04d", y);
        } else {
            u -= rates[7];
            if (u < rates[8] && d <= 12) {
                int t = d;
                d = m;
                m = t;
            } else if (u >= rates[8] && u < rates[8] + rates[9]) {
                int c = rng.nextInt(3);
                if (c == 0) {
                    y += rng.nextBoolean() ? 1 : -1;
                } else if (c == 1) {
                    m = m == 12 ? 11 : m + 1;
                } else {
                    d = d >= 28 ? d - 1 : d + 1;
                }
            }
            d = m == 2 ? Math.min(d, 28) : d; // a changed month keeps a real day
            dob = rng.nextInt(4) == 0 ? String.format(Locale.ROOT, "%02d/%02d/%04d", d, m, y)
                    : String.format(Locale.ROOT, "%04d-%02d-%02d", y, m, d);
        }
        String city = CITIES[p.city];
        double c = rng.nextDouble();
        if (c < rates[10]) {
            city = null;
        } else if (c < rates[10] + rates[11]) {
            city = CITIES[rng.nextInt(CITIES.length)];
        }
        return new String[] {given, surname, dob, p.sex == 0 ? "F" : "M", city};
    }

    private static String transliterate(String s, UniformRandomProvider rng) {
        String lower = s.toLowerCase(Locale.ROOT);
        int start = rng.nextInt(TRANSLIT.length);
        for (int q = 0; q < TRANSLIT.length; q++) {
            String[] t = TRANSLIT[(start + q) % TRANSLIT.length];
            int at = lower.indexOf(t[0]);
            if (at >= 0) {
                return capitalise(lower.substring(0, at) + t[1] + lower.substring(at + t[0].length()));
            }
        }
        return s;
    }

    private static String typo(String s, UniformRandomProvider rng) {
        if (s == null || s.length() < 3) {
            return s;
        }
        char[] c = s.toCharArray();
        int at = 1 + rng.nextInt(c.length - 2);
        switch (rng.nextInt(4)) {
            case 0: { // transposition
                char t = c[at];
                c[at] = c[at + 1];
                c[at + 1] = t;
                return new String(c);
            }
            case 1: // deletion
                return s.substring(0, at) + s.substring(at + 1);
            case 2: // insertion
                return s.substring(0, at) + (char) ('a' + rng.nextInt(26)) + s.substring(at);
            default: // substitution
                c[at] = (char) ('a' + rng.nextInt(26));
                return new String(c);
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SyntheticLists[N=%d, capture %s, sigma %s, duplicates %s, seed %d]", people,
                Arrays.toString(baseRates), sigma, duplicate, seed);
    }
}
