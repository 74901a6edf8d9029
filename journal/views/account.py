from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from journal.forms import ProfileForm, SignUpForm
from journal.services import profile_for, save_profile


@sensitive_post_parameters("password1", "password2")
def signup(request):
    if request.user.is_authenticated:
        return redirect("journal:dashboard")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            profile = profile_for(user)
            profile.time_zone = form.cleaned_data["time_zone"]
            save_profile(profile)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome, {user.username}. Your journal is ready.")
        return redirect("journal:dashboard")
    return render(request, "registration/signup.html", {"form": form})


@login_required
def account(request):
    return render(request, "journal/account.html", {"profile": profile_for(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    form = ProfileForm(request.POST or None, instance=profile_for(request.user))
    if request.method == "POST" and form.is_valid():
        save_profile(form.save(commit=False))
        messages.success(request, "Profile saved.")
        return redirect("journal:account")
    return render(request, "journal/profile_form.html", {"form": form})


@login_required
@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def account_delete(request):
    """Delete the account and everything in it, after the password is confirmed."""
    error = None
    if request.method == "POST":
        if request.user.check_password(request.POST.get("password", "")):
            user = request.user
            logout(request)
            user.delete()
            messages.success(request, "Your account and all of its data are deleted.")
            return redirect("journal:dashboard")
        error = "That password is not right; nothing was deleted."
    return render(request, "journal/account_delete.html", {"error": error})
