suppressMessages(library(RDS))
f <- function(x) formatC(x, digits=12, format="g")
rows <- c()
for (nm in c("fauxmadrona", "fauxsycamore")) {
  data(list=nm); d <- get(nm)
  for (wt in c("RDS-II", "RDS-I")) {
    a <- differential.activity.estimates(d, "disease", weight.type=wt, N=1000)
    rows <- c(rows, paste(paste0("differential-activity-", tolower(wt)), nm, f(as.numeric(unclass(a))[1]),
      paste0('"differential.activity.estimates(d, \'disease\', weight.type=\'', wt, '\', N=1000)"'), sep=","))
  }
}
writeLines(rows, "/tmp/rnet/rds-da.csv")
