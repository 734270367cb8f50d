"""Appointment requests: the model patients fill in through the form, the views on a
clinic page, the rate limiter, the clinic's notification and who may see them."""
