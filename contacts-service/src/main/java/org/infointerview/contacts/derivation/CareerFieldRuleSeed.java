package org.infointerview.contacts.derivation;

import java.util.List;
import org.infointerview.contacts.derivation.CareerFieldRule.Source;
import org.jspecify.annotations.Nullable;

/**
 * The mapping table a new installation starts with: common majors and job titles to career
 * clusters, common words of employers' names to industries. Admins edit it.
 */
final class CareerFieldRuleSeed {

  private CareerFieldRuleSeed() {}

  static final List<CareerFieldRule> RULES =
      List.of(
          major("nurs*", "HEALTH_SCIENCE"),
          major("public health", "HEALTH_SCIENCE"),
          major("pharmac*", "HEALTH_SCIENCE"),
          major("kinesiology", "HEALTH_SCIENCE"),
          major("pre med*", "HEALTH_SCIENCE"),
          major("biolog*", "STEM"),
          major("chemi*", "STEM"),
          major("physics", "STEM"),
          major("mathemat*", "STEM"),
          major("math", "STEM"),
          major("statistic*", "STEM"),
          major("engineering", "STEM"),
          major("computer science", "INFORMATION_TECHNOLOGY"),
          major("computer engineering", "INFORMATION_TECHNOLOGY"),
          major("information systems", "INFORMATION_TECHNOLOGY"),
          major("data science", "INFORMATION_TECHNOLOGY"),
          major("software", "INFORMATION_TECHNOLOGY"),
          major("accounting", "FINANCE"),
          major("finance", "FINANCE"),
          major("economics", "FINANCE"),
          major("business", "BUSINESS_MANAGEMENT"),
          major("management", "BUSINESS_MANAGEMENT"),
          major("marketing", "MARKETING"),
          major("education", "EDUCATION_TRAINING"),
          major("political science", "GOVERNMENT_PUBLIC_ADMINISTRATION"),
          major("public policy", "GOVERNMENT_PUBLIC_ADMINISTRATION"),
          major("public administration", "GOVERNMENT_PUBLIC_ADMINISTRATION"),
          major("psycholog*", "HUMAN_SERVICES"),
          major("social work", "HUMAN_SERVICES"),
          major("criminal justice", "LAW_PUBLIC_SAFETY"),
          major("criminology", "LAW_PUBLIC_SAFETY"),
          major("pre law", "LAW_PUBLIC_SAFETY"),
          major("journalism", "ARTS_AV_COMMUNICATIONS"),
          major("communication*", "ARTS_AV_COMMUNICATIONS"),
          major("film", "ARTS_AV_COMMUNICATIONS"),
          major("graphic design", "ARTS_AV_COMMUNICATIONS"),
          major("music", "ARTS_AV_COMMUNICATIONS"),
          major("art", "ARTS_AV_COMMUNICATIONS"),
          major("architecture", "ARCHITECTURE_CONSTRUCTION"),
          major("civil engineering", "ARCHITECTURE_CONSTRUCTION"),
          major("construction", "ARCHITECTURE_CONSTRUCTION"),
          major("agricultur*", "AGRICULTURE"),
          major("food science", "AGRICULTURE"),
          major("environmental science", "AGRICULTURE"),
          major("hospitality", "HOSPITALITY_TOURISM"),
          major("tourism", "HOSPITALITY_TOURISM"),
          major("supply chain", "TRANSPORTATION_LOGISTICS"),
          major("logistics", "TRANSPORTATION_LOGISTICS"),
          title("nurse", "HEALTH_SCIENCE", "HEALTHCARE"),
          title("physician", "HEALTH_SCIENCE", "HEALTHCARE"),
          title("pharmacist", "HEALTH_SCIENCE", null),
          title("therapist", "HEALTH_SCIENCE", null),
          title("clinical", "HEALTH_SCIENCE", null),
          title("software", "INFORMATION_TECHNOLOGY", null),
          title("developer", "INFORMATION_TECHNOLOGY", null),
          title("programmer", "INFORMATION_TECHNOLOGY", null),
          title("data scientist", "INFORMATION_TECHNOLOGY", null),
          title("data engineer", "INFORMATION_TECHNOLOGY", null),
          title("devops", "INFORMATION_TECHNOLOGY", null),
          title("engineer*", "STEM", null),
          title("scientist", "STEM", null),
          title("researcher", "STEM", null),
          title("accountant", "FINANCE", null),
          title("auditor", "FINANCE", null),
          title("financial analyst", "FINANCE", null),
          title("banker", "FINANCE", "FINANCIAL_SERVICES"),
          title("teacher", "EDUCATION_TRAINING", null),
          title("professor", "EDUCATION_TRAINING", "HIGHER_EDUCATION"),
          title("lecturer", "EDUCATION_TRAINING", "HIGHER_EDUCATION"),
          title("attorney", "LAW_PUBLIC_SAFETY", null),
          title("lawyer", "LAW_PUBLIC_SAFETY", null),
          title("paralegal", "LAW_PUBLIC_SAFETY", null),
          title("police", "LAW_PUBLIC_SAFETY", "PUBLIC_SECTOR"),
          title("marketing", "MARKETING", null),
          title("sales", "MARKETING", null),
          title("account executive", "MARKETING", null),
          title("designer", "ARTS_AV_COMMUNICATIONS", null),
          title("writer", "ARTS_AV_COMMUNICATIONS", null),
          title("editor", "ARTS_AV_COMMUNICATIONS", null),
          title("journalist", "ARTS_AV_COMMUNICATIONS", "MEDIA_ENTERTAINMENT"),
          title("producer", "ARTS_AV_COMMUNICATIONS", null),
          title("consultant", "BUSINESS_MANAGEMENT", null),
          title("social worker", "HUMAN_SERVICES", null),
          title("counselor", "HUMAN_SERVICES", null),
          title("chef", "HOSPITALITY_TOURISM", "HOSPITALITY"),
          employer("hospital*", "HEALTHCARE"),
          employer("health*", "HEALTHCARE"),
          employer("clinic*", "HEALTHCARE"),
          employer("medical", "HEALTHCARE"),
          employer("bank*", "FINANCIAL_SERVICES"),
          employer("capital", "FINANCIAL_SERVICES"),
          employer("financial", "FINANCIAL_SERVICES"),
          employer("insurance", "INSURANCE"),
          employer("university", "HIGHER_EDUCATION"),
          employer("college", "HIGHER_EDUCATION"),
          employer("school*", "K12_EDUCATION"),
          employer("academy", "K12_EDUCATION"),
          employer("pharma*", "PHARMA_BIOTECH"),
          employer("therapeutics", "PHARMA_BIOTECH"),
          employer("biotech*", "PHARMA_BIOTECH"),
          employer("software", "SOFTWARE_INTERNET"),
          employer("consulting", "CONSULTING"),
          employer("consultants", "CONSULTING"),
          employer("city of", "PUBLIC_SECTOR"),
          employer("county", "PUBLIC_SECTOR"),
          employer("department", "PUBLIC_SECTOR"),
          employer("agency", "PUBLIC_SECTOR"),
          employer("foundation", "NONPROFIT"),
          employer("llp", "LEGAL_SERVICES"),
          employer("law", "LEGAL_SERVICES"),
          employer("energy", "ENERGY_UTILITIES"),
          employer("utilities", "ENERGY_UTILITIES"),
          employer("airlines", "LOGISTICS"),
          employer("logistics", "LOGISTICS"),
          employer("freight", "LOGISTICS"),
          employer("hotel*", "HOSPITALITY"),
          employer("resort*", "HOSPITALITY"),
          employer("media", "MEDIA_ENTERTAINMENT"),
          employer("studios", "MEDIA_ENTERTAINMENT"),
          employer("news", "MEDIA_ENTERTAINMENT"),
          employer("telecom*", "TELECOMMUNICATIONS"),
          employer("wireless", "TELECOMMUNICATIONS"),
          employer("motors", "AUTOMOTIVE"),
          employer("automotive", "AUTOMOTIVE"),
          employer("aerospace", "AEROSPACE_DEFENSE"),
          employer("defense", "AEROSPACE_DEFENSE"),
          employer("realty", "REAL_ESTATE"),
          employer("real estate", "REAL_ESTATE"),
          employer("construction", "CONSTRUCTION"));

  private static CareerFieldRule major(String words, String careerField) {
    return new CareerFieldRule(Source.MAJOR, words, List.of(careerField), null);
  }

  private static CareerFieldRule title(
      String words, String careerField, @Nullable String industry) {
    return new CareerFieldRule(Source.JOB_TITLE, words, List.of(careerField), industry);
  }

  private static CareerFieldRule employer(String words, String industry) {
    return new CareerFieldRule(Source.ORGANIZATION, words, List.of(), industry);
  }
}
