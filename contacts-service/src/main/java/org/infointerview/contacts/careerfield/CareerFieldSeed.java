package org.infointerview.contacts.careerfield;

import java.util.List;
import org.infointerview.contacts.careerfield.CareerFieldCatalog.Kind;

/** The taxonomy a new installation starts with: the 16 career clusters and common industries. */
final class CareerFieldSeed {

  private CareerFieldSeed() {}

  static final List<CareerField> ENTRIES =
      List.of(
          cluster("AGRICULTURE", "Agriculture, Food & Natural Resources"),
          cluster("ARCHITECTURE_CONSTRUCTION", "Architecture & Construction"),
          cluster("ARTS_AV_COMMUNICATIONS", "Arts, A/V Technology & Communications"),
          cluster("BUSINESS_MANAGEMENT", "Business Management & Administration"),
          cluster("EDUCATION_TRAINING", "Education & Training"),
          cluster("FINANCE", "Finance"),
          cluster("GOVERNMENT_PUBLIC_ADMINISTRATION", "Government & Public Administration"),
          cluster("HEALTH_SCIENCE", "Health Science"),
          cluster("HOSPITALITY_TOURISM", "Hospitality & Tourism"),
          cluster("HUMAN_SERVICES", "Human Services"),
          cluster("INFORMATION_TECHNOLOGY", "Information Technology"),
          cluster("LAW_PUBLIC_SAFETY", "Law, Public Safety, Corrections & Security"),
          cluster("MANUFACTURING", "Manufacturing"),
          cluster("MARKETING", "Marketing, Sales & Service"),
          cluster("STEM", "Science, Technology, Engineering & Mathematics"),
          cluster("TRANSPORTATION_LOGISTICS", "Transportation, Distribution & Logistics"),
          industry("SOFTWARE_INTERNET", "Software & Internet"),
          industry("FINANCIAL_SERVICES", "Banking & Financial Services"),
          industry("INSURANCE", "Insurance"),
          industry("CONSULTING", "Consulting"),
          industry("HEALTHCARE", "Hospitals & Health Care"),
          industry("PHARMA_BIOTECH", "Pharmaceuticals & Biotechnology"),
          industry("HIGHER_EDUCATION", "Higher Education"),
          industry("K12_EDUCATION", "Primary & Secondary Education"),
          industry("PUBLIC_SECTOR", "Government & Public Sector"),
          industry("NONPROFIT", "Non-profit Organizations"),
          industry("MEDIA_ENTERTAINMENT", "Media & Entertainment"),
          industry("ADVERTISING_PR", "Advertising & Public Relations"),
          industry("RETAIL_CONSUMER", "Retail & Consumer Goods"),
          industry("INDUSTRIAL_MANUFACTURING", "Industrial Manufacturing"),
          industry("ENERGY_UTILITIES", "Energy & Utilities"),
          industry("REAL_ESTATE", "Real Estate"),
          industry("LEGAL_SERVICES", "Legal Services"),
          industry("TELECOMMUNICATIONS", "Telecommunications"),
          industry("AEROSPACE_DEFENSE", "Aerospace & Defense"),
          industry("AUTOMOTIVE", "Automotive"),
          industry("LOGISTICS", "Transportation & Logistics"),
          industry("HOSPITALITY", "Hospitality, Travel & Leisure"),
          industry("FOOD_AGRICULTURE", "Food & Agriculture"),
          industry("CONSTRUCTION", "Construction & Engineering Services"),
          industry("ENVIRONMENTAL", "Environmental Services"),
          industry("RESEARCH", "Research Institutes & Laboratories"));

  private static CareerField cluster(String code, String name) {
    return new CareerField(code, name, Kind.CAREER_CLUSTER, false);
  }

  private static CareerField industry(String code, String name) {
    return new CareerField(code, name, Kind.INDUSTRY, false);
  }
}
